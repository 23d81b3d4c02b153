package uk.encounters.encounter.fakes;

import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.springframework.http.HttpStatus;
import uk.encounters.platform.web.ProblemException;

/** Matchers for the problems aggregates throw, for fixtures' {@code expectException(Matcher)}. */
public final class Problems {

    private Problems() {
    }

    public static Matcher<ProblemException> withStatus(HttpStatus status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProblemException e) {
                return e.status() == status;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a problem with status " + status);
            }
        };
    }

    /** The problem names exactly these fields, in any order, each as often as given. */
    public static Matcher<ProblemException> naming(String... fields) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProblemException e) {
                List<String> named = e.errors().stream().map(ProblemException.FieldError::field).sorted().toList();
                return named.equals(List.of(fields).stream().sorted().toList());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a problem naming " + List.of(fields));
            }
        };
    }

    /** Some error's message contains each of the texts. */
    public static Matcher<ProblemException> mentioning(String... texts) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProblemException e) {
                return List.of(texts).stream().allMatch(text -> e.errors().stream()
                        .anyMatch(error -> error.message().contains(text)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a problem whose errors mention " + List.of(texts));
            }
        };
    }
}
