package uk.encounters.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service refused a request: its RFC 9457 problem details, so a page can show the detail and each field's message
 * next to that field. Nothing was changed by the refused request (the services guarantee it).
 *
 * @param errors the offending fields ({@code places}) or CSV cells ({@code line 12: UPN}) with their messages
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return getMessage();
    }

    public List<FieldProblem> getErrors() {
        return errors;
    }

    /** The messages per field, in the order the service gave them, for templates ({@code problem.fields['places']}). */
    public Map<String, String> getFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach(e -> fields.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        return fields;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public record FieldProblem(String field, String message) {
    }
}
