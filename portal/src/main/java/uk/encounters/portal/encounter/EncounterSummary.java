package uk.encounters.portal.encounter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One of the school's encounters as encounter-service lists them (the register's size, not its pupils).
 *
 * @param status SCHEDULED (an accepted offer, not yet recorded), RECORDED, CANCELLED or WITHDRAWN
 */
public record EncounterSummary(String encounterId, String employerId, String employerName, String sector,
                               String employerSize, String activityType, List<String> benchmarks, LocalDate date,
                               String academicYear, BigDecimal hours, String mode, String location, String curriculumArea,
                               String status, int attendeeCount, String shoutOutId, String offerId) {

    public EncounterSummary {
        benchmarks = benchmarks == null ? List.of() : benchmarks;
    }

    public boolean isScheduled() {
        return "SCHEDULED".equals(status);
    }

    public String employer() {
        return EncounterDetail.employerOrStandIn(employerName);
    }

    public String statusLabel() {
        return EncounterDetail.statusLabel(status);
    }

    public String badge() {
        return EncounterDetail.badge(status);
    }
}
