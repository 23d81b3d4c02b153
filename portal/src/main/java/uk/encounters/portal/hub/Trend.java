package uk.encounters.portal.hub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.encounters.portal.web.Wording;

/** A hub's coverage at each month end of an academic year (the last point is today in a year not over). */
record Trend(String academicYear, List<Point> points) {

    static Trend of(Map<String, Object> trend) {
        return new Trend(Json.text(trend.get("academicYear")), Json.maps(trend.get("points")).stream()
                .map(p -> new Point(Labels.parseDate(p.get("asOf")), Cell.of(p.get("gb5")), Cell.of(p.get("gb6By16")),
                        Cell.of(p.get("gb6By18")), Json.decimal(p.get("schoolsFullyAchievingGb5Percent")),
                        Json.decimal(p.get("schoolsFullyAchievingGb6Percent"))))
                .toList());
    }

    /** The line chart: pupils meeting each measure (solid) and schools fully achieving (dashed), in per cent. */
    public String chart() {
        List<String> labels = points.stream().map(p -> Labels.shortDate(p.asOf())).toList();
        return Charts.percentLines(labels, List.of(
                Charts.line("GB5: pupils met", pupils(Point::gb5), 0, false),
                Charts.line("GB6 by 16: Year 11 met", pupils(Point::gb6By16), 1, false),
                Charts.line("GB6 by 18: Year 13 met", pupils(Point::gb6By18), 2, false),
                Charts.line("Schools fully achieving GB5", points.stream().map(Point::schoolsGb5).toList(), 3, true),
                Charts.line("Schools fully achieving GB6", points.stream().map(Point::schoolsGb6).toList(), 4, true)));
    }

    private List<BigDecimal> pupils(Function<Point, Cell> measure) {
        return points.stream().map(p -> measure.apply(p).applicable() ? measure.apply(p).percent() : null).toList();
    }

    public String summary() {
        if (points.isEmpty()) {
            return "No figures yet for " + academicYear + ".";
        }
        Point last = points.getLast();
        return "From " + Wording.date(points.getFirst().asOf()) + " to " + Wording.date(last.asOf()) + ": GB5 "
                + last.gb5().percentText() + ", GB6 by 16 " + last.gb6By16().percentText() + ", GB6 by 18 "
                + last.gb6By18().percentText() + " at the latest point.";
    }

    record Point(LocalDate asOf, Cell gb5, Cell gb6By16, Cell gb6By18, BigDecimal schoolsGb5, BigDecimal schoolsGb6) {

        public String asOfText() {
            return Wording.date(asOf);
        }

        public String schoolsGb5Text() {
            return Cell.percentText(schoolsGb5);
        }

        public String schoolsGb6Text() {
            return Cell.percentText(schoolsGb6);
        }
    }
}
