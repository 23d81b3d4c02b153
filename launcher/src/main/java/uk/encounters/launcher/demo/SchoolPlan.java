package uk.encounters.launcher.demo;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.contracts.school.SchoolType;

/**
 * A school or college of the hub with every pupil on its roll in the academic years the demo covers.
 *
 * @param currentStart the calendar year in which the current academic year starts
 * @param pupils       everyone on roll at some time from the first covered year to today, leavers included
 */
public record SchoolPlan(String schoolId, String urn, String name, SchoolType type, List<Integer> yearGroups,
                         int currentStart, List<PupilPlan> pupils) {

    public SchoolPlan {
        yearGroups = List.copyOf(yearGroups);
        pupils = List.copyOf(pupils);
    }

    public boolean isCollege() {
        return type == SchoolType.COLLEGE;
    }

    /** Whether the roll export carries the colleges' curriculum area column. */
    public boolean hasCurriculumAreas() {
        return pupils.stream().anyMatch(p -> p.curriculumArea() != null);
    }

    /** The pupils on roll at some time in the academic year starting in September of {@code startYear}. */
    public List<PupilPlan> roll(int startYear) {
        return pupils.stream().filter(p -> p.onRollIn(startYear)).toList();
    }

    /** This academic year's roll so far. */
    public List<PupilPlan> currentRoll() {
        return roll(currentStart);
    }

    /** The year group of the pupil in the academic year starting in September of {@code startYear}. */
    public int yearGroupIn(PupilPlan pupil, int startYear) {
        return pupil.yearGroupIn(startYear, currentStart);
    }

    /**
     * The roll of the academic year starting in September of {@code startYear} as a CSV export with the header row
     * the school-service reads, as the MIS exports it at the end of that year (or today, for the current one):
     * pupils who left during the year or at its end carry their leaving date, later leavers none.
     */
    public String rollCsv(int startYear) {
        boolean areas = hasCurriculumAreas();
        LocalDate lastDay = LocalDate.of(startYear + 1, 8, 31);
        StringBuilder csv = new StringBuilder("UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,"
                + "AdmissionDate,LeavingDate" + (areas ? ",CurriculumArea" : "") + "\n");
        for (PupilPlan p : roll(startYear)) {
            LocalDate leaving = p.leavingDate() == null || p.leavingDate().isAfter(lastDay) ? null : p.leavingDate();
            csv.append(p.upn()).append(',').append(quoted(p.forename())).append(',').append(quoted(p.surname()))
                    .append(',').append(p.dateOfBirth()).append(',').append(yearGroupIn(p, startYear)).append(',')
                    .append(p.gender()).append(',').append(p.sen()).append(',').append(p.pupilPremium() ? 'Y' : 'N')
                    .append(',').append(p.admissionDate()).append(',')
                    .append(leaving == null ? "" : leaving.toString());
            if (areas) {
                csv.append(',').append(p.curriculumArea() == null ? "" : quoted(p.curriculumArea()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
