package uk.encounters.portal.school;

import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links between the coverage pages that keep the academic year and date being looked at, so a drill-down shows the
 * figure it came from.
 */
record Links(String academicYear, LocalDate asOf) {

    // Public methods: templates call them (${links.pupil(id)}), and SpEL finds public methods only.

    public String dashboard() {
        return dated("/school").toUriString();
    }

    public String evidence(Measure measure, Integer yearGroup) {
        UriComponentsBuilder link = dated("/school/evidence").queryParam("measure", measure.name());
        if (yearGroup != null) {
            link.queryParam("yearGroup", yearGroup);
        }
        return link.toUriString();
    }

    public String groupEvidence(Measure measure, PupilGroup group) {
        return dated("/school/evidence").queryParam("measure", measure.name())
                .queryParam(group.kind().param, group.value()).toUriString();
    }

    public String hours(int yearGroup) {
        return dated("/school/evidence/hours").queryParam("yearGroup", yearGroup).toUriString();
    }

    public String atRisk(Measure measure) {
        return dated("/school/at-risk").queryParam("measure", measure.name()).toUriString();
    }

    public String pupil(String pupilId) {
        return UriComponentsBuilder.fromPath("/school/pupils/{id}").queryParam("asOf", asOf)
                .buildAndExpand(pupilId).encode().toUriString();
    }

    /** An encounter's own page (recorded, corrected and overridden there). */
    static String encounter(String encounterId) {
        return UriComponentsBuilder.fromPath("/school/encounters/{id}").buildAndExpand(encounterId).encode()
                .toUriString();
    }

    private UriComponentsBuilder dated(String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (academicYear != null) {
            link.queryParam("academicYear", ReportDates.forUrl(academicYear));
        }
        if (asOf != null) {
            link.queryParam("asOf", asOf);
        }
        return link;
    }
}
