package uk.encounters.portal.encounter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.encounters.portal.api.ApiProblem;

/**
 * encounter-service names pupils by their opaque ids ("3f2c... is not on this school's roll"), the only thing it
 * knows of them; the careers leader reads names, which the portal has from the school's roll.
 */
final class PupilNames {

    private PupilNames() {
    }

    static ApiProblem in(ApiProblem problem, List<RollPupil> roll) {
        Map<String, String> names = roll.stream()
                .collect(Collectors.toMap(RollPupil::pupilId, RollPupil::name, (a, b) -> a));
        Function<String, String> named = text -> {
            if (text == null) {
                return null;
            }
            String result = text;
            for (Map.Entry<String, String> pupil : names.entrySet()) {
                if (result.contains(pupil.getKey())) {
                    result = result.replace(pupil.getKey(), pupil.getValue());
                }
            }
            return result;
        };
        return new ApiProblem(problem.getStatus(), problem.getTitle(), named.apply(problem.getDetail()),
                problem.getErrors().stream()
                        .map(e -> new ApiProblem.FieldProblem(e.field(), named.apply(e.message())))
                        .toList());
    }
}
