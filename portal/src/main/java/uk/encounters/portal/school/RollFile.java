package uk.encounters.portal.school;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.encounters.portal.api.ApiProblem;

/**
 * The roll export school-service reads (API.md): its columns, explained for the upload form, and its refusals read
 * back into lines and columns, so a careers leader can find each cell in the spreadsheet.
 */
final class RollFile {

    /** A column of the export; {@code required} ones must be filled on every line. */
    record Column(String name, boolean required, String holds) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("UPN", true, "The Unique Pupil Number: 13 characters, a check letter, 11 digits, then a digit"
                    + " (or a letter for a temporary UPN)."),
            new Column("Forename", true, "The pupil's forename, as on the MIS."),
            new Column("Surname", true, "The pupil's surname, as on the MIS."),
            new Column("DateOfBirth", true, "A date, written 2011-05-14 or 14/05/2011."),
            new Column("YearGroup", true, "7 to 13, one the school teaches (Y9 and Year 9 are read too)."),
            new Column("Gender", true, "F, M, O (other) or U (not recorded)."),
            new Column("SEN", true, "N (no SEN), K (SEN support) or E (EHC plan)."),
            new Column("PupilPremium", true, "Y or N."),
            new Column("AdmissionDate", true, "The date the pupil joined the school."),
            new Column("LeavingDate", false, "Empty while the pupil is on roll; the date they left otherwise."),
            new Column("CurriculumArea", false, "Colleges only: the learner's curriculum area, for GB5's"
                    + " curriculum-linked encounter."));

    /**
     * One refusal: {@code line} is null for the file as a whole or for the form's academic year, {@code column} null
     * where the whole line is wrong (a missing comma); {@code holds} explains the column.
     */
    record Problem(Integer line, String column, String message, String holds) {
    }

    private static final Pattern LINE = Pattern.compile("line (\\d+)(?::\\s*(.+))?");

    private RollFile() {
    }

    /** school-service names cells "line 12: UPN", whole lines "line 12", and the file "file". */
    static List<Problem> problems(ApiProblem refusal) {
        List<Problem> problems = new ArrayList<>();
        for (ApiProblem.FieldProblem error : refusal.getErrors()) {
            Matcher m = LINE.matcher(error.field());
            if (m.matches()) {
                String column = m.group(2);
                problems.add(new Problem(Integer.valueOf(m.group(1)), column, error.message(), holds(column)));
            } else if (!"academicYear".equals(error.field())) {
                problems.add(new Problem(null, null, error.message(), null));
            }
        }
        return problems;
    }

    private static String holds(String column) {
        if (column == null) {
            return null;
        }
        return COLUMNS.stream().filter(c -> c.name().equalsIgnoreCase(column)).map(Column::holds).findFirst()
                .orElse(null);
    }
}
