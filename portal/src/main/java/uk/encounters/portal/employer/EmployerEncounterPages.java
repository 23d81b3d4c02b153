package uk.encounters.portal.employer;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.encounters.portal.api.Backend;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.Viewer;

/**
 * The encounters the employer took part in, newest first, with totals over the recorded ones. Attendee counts only:
 * who attended stays with the school.
 */
@Controller
class EmployerEncounterPages {

    private final PlatformApi api;

    EmployerEncounterPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/employer/encounters")
    String encounters(Viewer viewer, Model model) {
        // Newest first, as encounter-service lists them.
        List<Map<String, Object>> found = api.getList(Backend.ENCOUNTER,
                u -> u.path("/api/v1/employers/{employerId}/encounters").build(viewer.tenantId()));
        List<Map<String, Object>> recorded = found.stream()
                .filter(e -> "RECORDED".equals(Fields.text(e, "status"))).toList();
        model.addAttribute("encounters", found.stream().map(EncounterCard::of).toList());
        model.addAttribute("totals", new Totals(recorded.size(),
                recorded.stream().mapToInt(e -> orZero(Fields.integer(e, "attendeeCount"))).sum(),
                EncounterCard.hoursText(recorded.stream().mapToDouble(e -> orZero(Fields.decimal(e, "hours"))).sum())));
        return "employer/encounters";
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** @param attendances pupils counted once per encounter they attended (a pupil at two counts twice) */
    record Totals(int encounters, int attendances, String hours) {

        public String encountersLabel() {
            return encounters == 1 ? "encounter recorded" : "encounters recorded";
        }

        public String attendancesLabel() {
            return attendances == 1 ? "pupil attendance" : "pupil attendances";
        }
    }
}
