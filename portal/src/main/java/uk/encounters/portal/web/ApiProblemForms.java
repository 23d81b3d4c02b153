package uk.encounters.portal.web;

import java.util.Map;
import org.springframework.ui.Model;
import uk.encounters.portal.api.ApiProblem;

/**
 * What a form page needs to show a refusal: {@code problem} for {@code fragments :: form-problem} and the field
 * errors, and {@code errors}, the per-field messages, which is an empty map when nothing went wrong so templates
 * can ask {@code errors['places']} without null checks.
 */
public final class ApiProblemForms {

    private ApiProblemForms() {
    }

    public static void none(Model model) {
        model.addAttribute("errors", Map.of());
    }

    public static void show(Model model, ApiProblem problem) {
        model.addAttribute("problem", problem);
        model.addAttribute("errors", problem.getFields());
    }
}
