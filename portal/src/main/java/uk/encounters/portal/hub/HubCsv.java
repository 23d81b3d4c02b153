package uk.encounters.portal.hub;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.encounters.portal.hub.HubFigures.SchoolRow;

/**
 * A hub's figures as a spreadsheet: one row per school with each measure's on-roll, met, percentage and whether
 * everyone met it, and the date they describe on every row, so files of several dates can be pasted together.
 */
final class HubCsv {

    static final List<String> HEADER = List.of("School", "URN", "Type",
            "GB5 on roll", "GB5 met", "GB5 %", "GB5 fully achieved",
            "GB6 by 16 on roll (Year 11)", "GB6 by 16 met", "GB6 by 16 %", "GB6 by 16 fully achieved",
            "GB6 by 18 on roll (Year 13)", "GB6 by 18 met", "GB6 by 18 %", "GB6 by 18 fully achieved",
            "GB6 fully achieved", "Academic year", "As of");

    private HubCsv() {
    }

    static void write(HubFigures figures, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get();
        // Not closed here: the writer is the response's, which the server closes.
        CSVPrinter csv = new CSVPrinter(out, format);
        for (SchoolRow school : figures.schools()) {
            List<Object> row = new ArrayList<>(List.of(school.name(), school.urn(), school.typeText()));
            for (Cell cell : List.of(school.gb5(), school.gb6By16(), school.gb6By18())) {
                row.add(cell.onRoll() == null ? "" : cell.onRoll());
                row.add(cell.met() == null ? "" : cell.met());
                row.add(cell.percent() == null ? "" : cell.percent().toPlainString());
                row.add(yesNo(cell.fullyAchieved()));
            }
            row.add(yesNo(school.gb6FullyAchieved()));
            row.add(figures.academicYear());
            row.add(figures.asOf() == null ? "" : figures.asOf().toString());
            csv.printRecord(row);
        }
        csv.flush();
    }

    /** {@code hub-tees-valley-careers-hub-2027-03-31.csv}: the hub and the date, in characters any system keeps. */
    static String fileName(HubFigures figures) {
        String hub = Normalizer.normalize(figures.hubName() == null ? "hub" : figures.hubName(), Normalizer.Form.NFD)
                .toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return "hub-" + (hub.isEmpty() ? figures.hubId() : hub) + "-" + figures.asOf() + ".csv";
    }

    /** Blank where not applicable: a spreadsheet then counts only the schools the measure applies to. */
    private static String yesNo(Boolean value) {
        return value == null ? "" : value ? "yes" : "no";
    }
}
