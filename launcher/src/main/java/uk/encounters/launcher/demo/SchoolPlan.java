package uk.encounters.launcher.demo;

import java.util.List;
import uk.encounters.contracts.school.SchoolType;

/** A school or college of the hub with its roll for the current academic year. */
public record SchoolPlan(String schoolId, String urn, String name, SchoolType type, List<Integer> yearGroups,
                         List<PupilPlan> pupils) {

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

    /** The roll as a CSV export with the header row the school-service reads. */
    public String rollCsv() {
        boolean areas = hasCurriculumAreas();
        StringBuilder csv = new StringBuilder("UPN,Forename,Surname,DateOfBirth,YearGroup,Gender,SEN,PupilPremium,"
                + "AdmissionDate,LeavingDate" + (areas ? ",CurriculumArea" : "") + "\n");
        for (PupilPlan p : pupils) {
            csv.append(p.upn()).append(',').append(quoted(p.forename())).append(',').append(quoted(p.surname()))
                    .append(',').append(p.dateOfBirth()).append(',').append(p.yearGroup()).append(',')
                    .append(p.gender()).append(',').append(p.sen()).append(',').append(p.pupilPremium() ? 'Y' : 'N')
                    .append(',').append(p.admissionDate()).append(',')
                    .append(p.leavingDate() == null ? "" : p.leavingDate().toString());
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
