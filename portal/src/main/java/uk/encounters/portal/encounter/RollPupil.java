package uk.encounters.portal.encounter;

import java.time.LocalDate;

/**
 * A pupil on the school's roll as school-service lists it for the school's own careers leader. Names are shown to
 * that leader only and never logged, so {@link #toString} leaves them out.
 */
public record RollPupil(String pupilId, String forename, String surname, int yearGroup,
                        LocalDate admissionDate, LocalDate leavingDate) {

    public String name() {
        return forename + " " + surname;
    }

    /** On roll on that day: admitted by then and not yet left (DOMAIN.md). */
    public boolean onRollOn(LocalDate day) {
        return (admissionDate == null || !admissionDate.isAfter(day))
                && (leavingDate == null || !day.isAfter(leavingDate));
    }

    @Override
    public String toString() {
        return "RollPupil[" + pupilId + "]";
    }
}
