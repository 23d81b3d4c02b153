package uk.encounters.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;

/**
 * Pupils are children and events are kept forever: names, dates of birth and UPNs must never enter a contract
 * that carries pupil data. Nested records are searched too.
 */
class PupilPrivacyTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i).*(name|forename|surname|birth|dob|upn|uniquepupil|address|email|phone).*");

    @Test
    void pupilEventsAreRecognised() {
        assertThat(pupilRelated()).containsAll(Set.of(PupilEnrolled.class, PupilLeft.class,
                PupilDetailsChanged.class, EncounterRecorded.class, AttendanceCorrected.class));
    }

    @Test
    void noPupilEventCarriesNamesDatesOfBirthOrUpns() {
        for (Class<?> event : pupilRelated()) {
            assertThat(componentNamesDeep(event))
                    .as("components of %s", event.getSimpleName())
                    .noneMatch(name -> FORBIDDEN.matcher(name).matches());
        }
    }

    /** Any event that names a pupil or lists attendees is about pupils. */
    private static Set<Class<?>> pupilRelated() {
        return IntegrationEvents.REGISTRY.types().stream()
                .map(EventType::type)
                .filter(type -> componentNamesDeep(type).stream()
                        .anyMatch(n -> n.toLowerCase().contains("pupil") || n.equalsIgnoreCase("attendees")))
                .collect(Collectors.toSet());
    }

    private static List<String> componentNamesDeep(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
            for (Class<?> nested : recordTypesIn(component.getGenericType())) {
                names.addAll(componentNamesDeep(nested));
            }
        }
        return names;
    }

    private static List<Class<?>> recordTypesIn(Type type) {
        List<Class<?>> found = new ArrayList<>();
        if (type instanceof Class<?> c && c.isRecord()) {
            found.add(c);
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                found.addAll(recordTypesIn(argument));
            }
        }
        return found;
    }
}
