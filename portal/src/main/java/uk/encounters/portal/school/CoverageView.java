package uk.encounters.portal.school;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.encounters.portal.school.Reports.Figure;
import uk.encounters.portal.school.Reports.GroupCoverage;
import uk.encounters.portal.school.Reports.HoursFigure;
import uk.encounters.portal.school.Reports.SchoolCoverage;
import uk.encounters.portal.school.Reports.YearGroupCoverage;

/**
 * The dashboard's tables, worked out here so templates only lay them out: a year group x measure heatmap and the
 * breakdowns by pupil group. Every cell writes its figure; the colour only repeats it.
 */
final class CoverageView {

    /** The heatmap's colour bands, as CSS classes, with the legend's words. */
    enum Level {
        HIGH("level-high", "100%: every pupil"),
        GOOD("level-good", "80% to 99.9%"),
        MID("level-mid", "50% to 79.9%"),
        LOW("level-low", "Under 50%"),
        NONE("level-none", "No pupils on roll, or not measured in that year group");

        final String css;
        final String legend;

        Level(String css, String legend) {
            this.css = css;
            this.legend = legend;
        }

        public String getCss() {
            return css;
        }

        public String getLegend() {
            return legend;
        }

        static Level of(BigDecimal percent) {
            if (percent == null) {
                return NONE;
            }
            if (percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
                return HIGH;
            }
            if (percent.compareTo(BigDecimal.valueOf(80)) >= 0) {
                return GOOD;
            }
            return percent.compareTo(BigDecimal.valueOf(50)) >= 0 ? MID : LOW;
        }
    }

    /**
     * One cell: {@code figure} ("6/10") and {@code percent} always written, {@code detail} a second line (hours),
     * {@code hidden} words for screen readers where the figure alone says too little ("not measured").
     */
    record Cell(String figure, String percent, String detail, String hidden, Level level, String href) {

        public String getCss() {
            return "cell " + level.css;
        }
    }

    record Row(String label, List<Cell> cells) {
    }

    record Table(String caption, List<String> columns, List<Row> rows) {
    }

    /** A headline measure for the whole school, with its links. */
    record Headline(Measure measure, String population, Figure figure, Boolean fullyAchieved, String evidence,
                    String atRisk) {

        public boolean isApplicable() {
            return figure != null && figure.onRoll() > 0;
        }

        public int getStillToReach() {
            return figure == null ? 0 : figure.onRoll() - figure.met();
        }
    }

    private CoverageView() {
    }

    static List<Headline> headlines(SchoolCoverage coverage, Links links) {
        List<Headline> headlines = new ArrayList<>();
        headlines.add(headline(Measure.GB5, "Years 7 to 13", coverage.gb5(), links));
        if (coverage.gb6By16() != null) {
            headlines.add(headline(Measure.GB6_BY_16, "Year 11", coverage.gb6By16(), links));
        }
        headlines.add(headline(Measure.GB6_BY_18, "Year 13", coverage.gb6By18(), links));
        return headlines;
    }

    private static Headline headline(Measure measure, String population, Figure figure, Links links) {
        return new Headline(measure, population, figure, figure == null ? null : figure.fullyAchieved(),
                links.evidence(measure, null), links.atRisk(measure));
    }

    /** Rows for the year groups given (the school's), columns GB5, GB6 by 16, GB6 by 18 and work-experience hours. */
    static Table heatmap(SchoolCoverage coverage, List<Integer> yearGroups, Links links, Wording wording) {
        List<Row> rows = new ArrayList<>();
        for (int year : yearGroups) {
            YearGroupCoverage y = coverage.yearGroup(year);
            if (y == null) {
                continue;
            }
            String label = "Year " + year;
            rows.add(new Row(label, List.of(
                    figureCell(y.gb5(), links.evidence(Measure.GB5, year), label, wording),
                    figureCell(y.gb6By16(), links.evidence(Measure.GB6_BY_16, year), label, wording),
                    figureCell(y.gb6By18(), links.evidence(Measure.GB6_BY_18, year), label, wording),
                    hoursCell(y.workExperienceHours(), links.hours(year), label, wording))));
        }
        return new Table("Coverage by year group", List.of("GB5 encounters", "GB6 by 16", "GB6 by 18",
                "Work-experience hours (a week = 25 h)"), rows);
    }

    /** The school's year groups; where school-service did not say, those with anyone on roll (else all). */
    static List<Integer> yearGroups(List<Integer> taught, SchoolCoverage coverage) {
        if (taught != null && !taught.isEmpty()) {
            return taught.stream().sorted().toList();
        }
        List<Integer> withPupils = coverage.yearGroups().stream()
                .filter(y -> y.gb5() != null && y.gb5().onRoll() > 0)
                .map(YearGroupCoverage::yearGroup).toList();
        return withPupils.isEmpty() ? coverage.yearGroups().stream().map(YearGroupCoverage::yearGroup).toList()
                : withPupils;
    }

    /** SEND, pupil premium and gender: GB5 over Years 7-13, GB6 by 16 over Year 11, by 18 over Year 13. */
    static List<Table> breakdowns(SchoolCoverage coverage, Links links, Wording wording) {
        if (coverage.breakdowns() == null) {
            return List.of();
        }
        boolean college = coverage.gb6By16() == null;
        List<String> columns = college ? List.of("GB5", "GB6 by 18") : List.of("GB5", "GB6 by 16", "GB6 by 18");
        return List.of(
                breakdown("By special educational needs (SEND)", columns, coverage.breakdowns().bySen(),
                        List.of("NONE", "SEN_SUPPORT", "EHC_PLAN"), wording::group, PupilGroup.Kind.SEN, college,
                        links, wording),
                breakdown("By pupil premium", columns, coverage.breakdowns().byPupilPremium(),
                        List.of("true", "false"), k -> k.equals("true") ? "Pupil premium" : "Not pupil premium",
                        PupilGroup.Kind.PUPIL_PREMIUM, college, links, wording),
                breakdown("By gender", columns, coverage.breakdowns().byGender(),
                        List.of("FEMALE", "MALE", "OTHER", "NOT_RECORDED"), wording::group, PupilGroup.Kind.GENDER,
                        college, links, wording));
    }

    private static Table breakdown(String caption, List<String> columns, Map<String, GroupCoverage> groups,
                                   List<String> order, Function<String, String> label, PupilGroup.Kind kind,
                                   boolean college, Links links, Wording wording) {
        List<Row> rows = new ArrayList<>();
        for (String key : order) {
            GroupCoverage group = groups == null ? null : groups.get(key);
            if (group == null) {
                continue;
            }
            PupilGroup pupils = new PupilGroup(kind, key);
            String name = label.apply(key);
            List<Cell> cells = new ArrayList<>();
            cells.add(figureCell(group.gb5(), links.groupEvidence(Measure.GB5, pupils), name, wording));
            if (!college) {
                cells.add(figureCell(group.gb6By16(), links.groupEvidence(Measure.GB6_BY_16, pupils), name, wording));
            }
            cells.add(figureCell(group.gb6By18(), links.groupEvidence(Measure.GB6_BY_18, pupils), name, wording));
            rows.add(new Row(name, cells));
        }
        return new Table(caption, columns, rows);
    }

    private static Cell figureCell(Figure figure, String href, String row, Wording wording) {
        if (figure == null) {
            return new Cell("–", null, null, "not measured in " + row, Level.NONE, null);
        }
        if (figure.onRoll() == 0) {
            return new Cell("0/0", null, null, "no pupils on roll", Level.NONE, null);
        }
        return new Cell(figure.met() + "/" + figure.onRoll(), wording.percent(figure.percent()), null, null,
                Level.of(figure.percent()), href);
    }

    private static Cell hoursCell(HoursFigure hours, String href, String row, Wording wording) {
        if (hours == null) {
            return new Cell("–", null, null, "not measured in " + row, Level.NONE, null);
        }
        if (hours.onRoll() == 0) {
            return new Cell("0/0", null, null, "no pupils on roll", Level.NONE, null);
        }
        String detail = wording.hours(hours.totalHours()) + " h in " + hours.keyStage();
        if (hours.virtualHours() != null && hours.virtualHours().signum() > 0) {
            detail += " (" + wording.hours(hours.virtualHours()) + " h virtual)";
        }
        return new Cell(hours.reachedWeek() + "/" + hours.onRoll(), wording.percent(hours.percentReachedWeek()),
                detail, "pupils reached a week's worth",
                Level.of(hours.percentReachedWeek()), href);
    }
}
