package uk.encounters.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A roll export as a school's MIS writes it (API.md's columns plus CurriculumArea), for fictional pupils. */
public final class RollFile {

    /**
     * @param sen     N, K or E
     * @param leaving null while on roll
     * @param area    a college learner's curriculum area, or null
     */
    public record Line(String upn, String forename, String surname, LocalDate dateOfBirth, int yearGroup, String gender,
                String sen, boolean pupilPremium, LocalDate admission, LocalDate leaving, String area) {
    }

    private final List<Line> lines = new ArrayList<>();

    public RollFile add(Line line) {
        lines.add(line);
        return this;
    }

    public String csv() {
        StringBuilder csv = new StringBuilder("UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,"
                + "AdmissionDate,LeavingDate,CurriculumArea\n");
        for (Line l : lines) {
            csv.append(String.join(",", l.upn(), l.forename(), l.surname(), l.dateOfBirth().toString(),
                    String.valueOf(l.yearGroup()), l.gender(), l.sen(), l.pupilPremium() ? "Y" : "N",
                    l.admission().toString(), Objects.toString(l.leaving(), ""), Objects.toString(l.area(), "")))
                    .append('\n');
        }
        return csv.toString();
    }
}
