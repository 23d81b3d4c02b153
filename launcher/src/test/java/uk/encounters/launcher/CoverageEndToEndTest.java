package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.launcher.demo.Upns;

/**
 * Coverage across all three services, through their public HTTP APIs only: a hub with an 11-18 school and a college,
 * rolls uploaded as CSV, an employer, a shout-out offered, accepted and recorded, and encounters recorded directly that
 * exercise every per-pupil rule of DOMAIN.md (a failed checklist, an override, a corrected register, a withdrawal,
 * workplace experiences in Years 7-11 and 12-13, work-experience hours, a college's curriculum link, an encounter of
 * an earlier academic year judged by its own framework, a leaver). Every figure reported is compared with a number
 * worked out by hand below.
 * <p>
 * Dates follow the day the test runs: everything of this academic year happens today (T), so nothing is in the
 * future whatever the date; the earlier experience is dated in the academic year two before this one (2024/25 when run
 * in 2026/27, so under the 2014 framework while this year's are under the 2024 one).
 *
 * <h2>The rolls (year groups of this academic year)</h2>
 * <pre>
 * Northfield Academy (SCHOOL, Years 7-13)         Riverside College (COLLEGE, Years 12-13)
 *  Ava   Y7  F  SEN N  PP                          Lea   Y12 F  N      area Engineering
 *  Ben   Y7  M  SEN K                              Max   Y12 M  N  PP  area Health and Social Care
 *  Cai   Y9  M  SEN N                              Omar  Y13 M  K      area Engineering
 *  Dee   Y10 F  SEN N  PP                          Nia   Y13 F  N      no area recorded
 *  Fay   Y11 F  SEN N
 *  Gus   Y11 M  SEN K  PP
 *  Hana  Y11 F  SEN E
 *  Ivan  Y12 M  SEN N
 *  Jo    Y13 F  SEN N  PP
 *  Kit   Y13 M  SEN N
 *  Eli   Y10 M  SEN E  left on the last day of last academic year (on roll then, not now)
 * </pre>
 *
 * <h2>The encounters (all today, 2024 framework, unless said)</h2>
 * <pre>
 *  talk        CAREERS_TALK GB5, from the shout-out's accepted offer     Dee Fay Gus Hana        meaningful
 *  fair        CAREERS_FAIR GB5, REFLECTION not met                      Ava Ben Cai             not meaningful
 *  interviews  MOCK_INTERVIEWS GB5, TWO_WAY_INTERACTION not met,         Ivan Jo                 meaningful
 *              overridden to meaningful with a reason
 *  visit       WORKPLACE_VISIT GB6, register Fay Gus corrected to        Fay Hana                meaningful
 *              by a second careers leader
 *  placement   WORK_EXPERIENCE_PLACEMENT GB6, 30 hours                   Dee Jo                  meaningful
 *  virtual     VIRTUAL_WORK_EXPERIENCE GB6, VIRTUAL, 4 hours             Ava Cai                 meaningful
 *  demo        TECHNICAL_DEMONSTRATION GB6, 2 hours, EMPLOYER_FEEDBACK   Ben                     not meaningful
 *              not met
 *  pastVisit   WORKPLACE_VISIT GB6, 3 hours, two academic years ago      Hana (then Y9), Eli     meaningful
 *              (its framework's checklist)
 *  withdrawn   CAREERS_TALK GB5, then withdrawn                          Ava Kit                 counts for nobody
 *  engTalk     CAREERS_TALK GB5, curriculum area Engineering             Lea Omar Nia            meaningful
 *  challenge   ENTERPRISE_CHALLENGE GB5, curriculum area Business        Lea Max Omar Nia        meaningful
 *  shadowing   WORK_SHADOWING GB6                                        Omar Nia                meaningful
 * </pre>
 */
class CoverageEndToEndTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final String OVERRIDE_REASON = "Each student was interviewed and given spoken feedback; the"
            + " two-way item was ticked wrongly";

    private static final Set<String> COLLEGE_PUPILS = Set.of("Lea", "Max", "Omar", "Nia");
    private static final Set<String> COLLEGE_ENCOUNTERS = Set.of("engTalk", "challenge", "shadowing");

    private static PublicApi api;
    private static LocalDate today;
    private static String thisYear;
    private static String lastYear;
    private static String twoYearsAgo;
    private static String hubId;
    private static String northfield;
    private static String riverside;
    private static final Map<String, String> upns = new LinkedHashMap<>();
    private static final Map<String, String> pupil = new LinkedHashMap<>();
    private static final Map<String, String> encounter = new LinkedHashMap<>();
    /** A moment after the rolls were uploaded and before any encounter was recorded. */
    private static Instant beforeEncounters;

    @BeforeAll
    static void aHubWithTwoSchoolsTheirRollsAndEncounters() {
        api = new PublicApi(SharedPlatform.get());
        today = LocalDate.now(ENGLAND);
        thisYear = AcademicYears.containing(today);
        int start = AcademicYears.startYear(thisYear);
        lastYear = AcademicYears.of(start - 1);
        twoYearsAgo = AcademicYears.of(start - 2);
        LocalDate firstDay = AcademicYears.firstDay(thisYear);

        hubId = admin().post(Service.SCHOOL, "/api/v1/hubs", Map.of("name", "Coverage Test Hub"), 201).get("hubId")
                .asString();
        northfield = register("Northfield Academy", "SCHOOL", List.of(7, 8, 9, 10, 11, 12, 13));
        riverside = register("Riverside College", "COLLEGE", List.of(12, 13));

        // Admitted in Year 7 (the school) or Year 12 (the college); Eli is the last line, so once his leaving is
        // projected the whole roll is (one school's roll events are published and applied in file order).
        RollFile school = new RollFile();
        int serial = 0;
        for (Object[] p : new Object[][] {{"Ava", 7, "F", "N", true}, {"Ben", 7, "M", "K", false},
                {"Cai", 9, "M", "N", false}, {"Dee", 10, "F", "N", true}, {"Fay", 11, "F", "N", false},
                {"Gus", 11, "M", "K", true}, {"Hana", 11, "F", "E", false}, {"Ivan", 12, "M", "N", false},
                {"Jo", 13, "F", "N", true}, {"Kit", 13, "M", "N", false}, {"Eli", 10, "M", "E", false}}) {
            int year = (int) p[1];
            school.add(line(++serial, (String) p[0], year, (String) p[2], (String) p[3], (boolean) p[4],
                    firstDay.minusYears(year - 7), p[0].equals("Eli") ? firstDay.minusDays(1) : null, null));
        }
        RollFile college = new RollFile()
                .add(line(++serial, "Lea", 12, "F", "N", false, firstDay, null, "Engineering"))
                .add(line(++serial, "Max", 12, "M", "N", true, firstDay, null, "Health and Social Care"))
                .add(line(++serial, "Omar", 13, "M", "K", false, firstDay.minusYears(1), null, "Engineering"))
                .add(line(++serial, "Nia", 13, "F", "N", false, firstDay.minusYears(1), null, null));
        assertThat(leaderOf(northfield).uploadRoll(northfield, thisYear.replace('/', '-'), school.csv()).get("enrolled").asInt())
                .isEqualTo(11);
        assertThat(leaderOf(riverside).uploadRoll(riverside, thisYear, college.csv()).get("enrolled").asInt()).isEqualTo(4);
        Map<String, String> byUpn = new LinkedHashMap<>(leaderOf(northfield).pupilIdsByUpn(northfield, 11));
        byUpn.putAll(leaderOf(riverside).pupilIdsByUpn(riverside, 4));
        for (String name : upns.keySet()) {
            pupil.put(name, byUpn.get(upns.get(name)));
        }

        String employerId = employer().post(Service.ENCOUNTER, "/api/v1/employers", Map.of("name", "Tees Bridge Works",
                "sector", "Engineering", "size", "MEDIUM", "postcode", "TS2 1RS"), 201).get("employerId").asString();
        beforeEncounters = Instant.now();
        encounter.put("talk", talkFromAnAcceptedOffer(employerId));

        FrameworkVersion now = FrameworkVersion.forAcademicYear(thisYear);
        record(northfield, employerId, "fair", "CAREERS_FAIR", Benchmark.GB5, today, "2", "IN_PERSON", null,
                checklist(now, Benchmark.GB5, ChecklistItem.REFLECTION), "Ava", "Ben", "Cai");
        record(northfield, employerId, "interviews", "MOCK_INTERVIEWS", Benchmark.GB5, today, "3", "IN_PERSON", null,
                checklist(now, Benchmark.GB5, ChecklistItem.TWO_WAY_INTERACTION), "Ivan", "Jo");
        leaderOf(northfield).post(Service.ENCOUNTER, "/api/v1/encounters/" + encounter.get("interviews") + "/meaningful-override",
                Map.of("benchmark", "GB5", "meaningful", true, "reason", OVERRIDE_REASON), 200);
        record(northfield, employerId, "visit", "WORKPLACE_VISIT", Benchmark.GB6, today, "3", "IN_PERSON", null,
                checklist(now, Benchmark.GB6), "Fay", "Gus");
        secondLeaderOf(northfield).send(Service.ENCOUNTER, "PUT", "/api/v1/encounters/" + encounter.get("visit") + "/attendees", Map.of(
                "attendees", List.of(pupil.get("Fay"), pupil.get("Hana")),
                "reason", "Gus was ill on the day; Hana took his place"), 200);
        record(northfield, employerId, "placement", "WORK_EXPERIENCE_PLACEMENT", Benchmark.GB6, today, "30",
                "IN_PERSON", null, checklist(now, Benchmark.GB6), "Dee", "Jo");
        record(northfield, employerId, "virtual", "VIRTUAL_WORK_EXPERIENCE", Benchmark.GB6, today, "4", "VIRTUAL",
                null, checklist(now, Benchmark.GB6), "Ava", "Cai");
        record(northfield, employerId, "demo", "TECHNICAL_DEMONSTRATION", Benchmark.GB6, today, "2", "IN_PERSON",
                null, checklist(now, Benchmark.GB6, ChecklistItem.EMPLOYER_FEEDBACK), "Ben");
        record(northfield, employerId, "pastVisit", "WORKPLACE_VISIT", Benchmark.GB6,
                AcademicYears.firstDay(twoYearsAgo).plusMonths(6).plusDays(9), "3", "IN_PERSON", null,
                checklist(FrameworkVersion.forAcademicYear(twoYearsAgo), Benchmark.GB6), "Hana", "Eli");
        record(northfield, employerId, "withdrawn", "CAREERS_TALK", Benchmark.GB5, today, "1", "IN_PERSON", null,
                checklist(now, Benchmark.GB5), "Ava", "Kit");
        leaderOf(northfield).post(Service.ENCOUNTER, "/api/v1/encounters/" + encounter.get("withdrawn") + "/withdraw",
                Map.of("reason", "Entered by mistake: this talk was cancelled on the day"), 200);

        record(riverside, employerId, "engTalk", "CAREERS_TALK", Benchmark.GB5, today, "1", "IN_PERSON",
                "Engineering", checklist(now, Benchmark.GB5), "Lea", "Omar", "Nia");
        record(riverside, employerId, "challenge", "ENTERPRISE_CHALLENGE", Benchmark.GB5, today, "6", "HYBRID",
                "Business", checklist(now, Benchmark.GB5), "Lea", "Max", "Omar", "Nia");
        record(riverside, employerId, "shadowing", "WORK_SHADOWING", Benchmark.GB6, today, "7", "IN_PERSON", null,
                checklist(now, Benchmark.GB6), "Omar", "Nia");

        awaitProjectionCaughtUp();
    }

    /**
     * Each school's events reach reporting in order on one partition (keyed by school) and are applied in order, so
     * the last event of each stream being visible means everything before it is: Eli's leaving (the roll's last
     * line), the withdrawal (Northfield's last encounter event), Nia (the college roll's last line) and the shadowing
     * (the college's last encounter).
     */
    private static void awaitProjectionCaughtUp() {
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            JsonNode eli = pupilCoverage("Eli");
            assertThat(eli.get("years")).extracting(y -> y.get("academicYear").asString()).doesNotContain(thisYear);
            assertThat(checklist("withdrawn").get("withdrawn").asBoolean()).isTrue();
            pupilCoverage("Nia");
            checklist("shadowing");
        });
    }

    @Test
    void schoolFiguresPerYearGroupFollowTheRules() {
        JsonNode coverage = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield + "/coverage?academicYear="
                + thisYear.replace('/', '-') + "&asOf=" + today);
        assertThat(coverage.get("academicYear").asString()).isEqualTo(thisYear);
        assertThat(coverage.get("asOf").asString()).isEqualTo(today.toString());
        assertThat(coverage.get("framework").asString()).isEqualTo("V2024");

        // GB5, Years 7-13. On roll: the 10 pupils without Eli (he left before this year began).
        // Met: Dee, Fay, Gus, Hana (talk), Ivan, Jo (interviews: checklist failed, override counts) = 6.
        // Not met: Ava, Ben, Cai (fair failed its checklist; Ava's talk was withdrawn), Kit (withdrawn only).
        // 100 x 6 / 10 = 60.0. Nobody is on roll in Year 8.
        assertThat(figure(coverage.get("gb5"))).isEqualTo("6/10 = 60.0 fully=false");
        assertThat(coverage.get("gb5FullyAchieved").asBoolean()).isFalse();
        Map<Integer, JsonNode> years = yearGroups(coverage);
        assertThat(figure(years.get(7).get("gb5"))).isEqualTo("0/2 = 0.0 fully=false");
        assertThat(figure(years.get(8).get("gb5"))).isEqualTo("0/0 = null fully=null");
        assertThat(figure(years.get(9).get("gb5"))).isEqualTo("0/1 = 0.0 fully=false");
        assertThat(figure(years.get(10).get("gb5"))).isEqualTo("1/1 = 100.0 fully=true");
        assertThat(figure(years.get(11).get("gb5"))).isEqualTo("3/3 = 100.0 fully=true");
        assertThat(figure(years.get(12).get("gb5"))).isEqualTo("1/1 = 100.0 fully=true");
        assertThat(figure(years.get(13).get("gb5"))).isEqualTo("1/2 = 50.0 fully=false");

        // GB6 by 16: a meaningful experience in Years 7-11, any year. Year 7: Ava (virtual) of Ava, Ben (demo failed
        // its checklist) = 50.0; Year 9: Cai (virtual); Year 10: Dee (placement); Year 11: Fay (visit), Hana (visit
        // after the register was corrected, and pastVisit in Year 9), not Gus (corrected off the visit's register):
        // 100 x 2 / 3 = 66.7, the headline measure.
        assertThat(figure(coverage.get("gb6By16"))).isEqualTo("2/3 = 66.7 fully=false");
        assertThat(figure(years.get(7).get("gb6By16"))).isEqualTo("1/2 = 50.0 fully=false");
        assertThat(figure(years.get(8).get("gb6By16"))).isEqualTo("0/0 = null fully=null");
        assertThat(figure(years.get(9).get("gb6By16"))).isEqualTo("1/1 = 100.0 fully=true");
        assertThat(figure(years.get(10).get("gb6By16"))).isEqualTo("1/1 = 100.0 fully=true");
        assertThat(figure(years.get(11).get("gb6By16"))).isEqualTo("2/3 = 66.7 fully=false");
        // GB6 by 18: an experience in Years 12-13. Jo (placement) of Jo and Kit; Ivan in Year 12 has none yet.
        assertThat(figure(coverage.get("gb6By18"))).isEqualTo("1/2 = 50.0 fully=false");
        assertThat(figure(years.get(12).get("gb6By18"))).isEqualTo("0/1 = 0.0 fully=false");
        assertThat(figure(years.get(13).get("gb6By18"))).isEqualTo("1/2 = 50.0 fully=false");
        for (int year = 7; year <= 11; year++) {
            assertThat(years.get(year).get("gb6By18").isNull()).as("by 18 in Year " + year).isTrue();
        }
        for (int year = 12; year <= 13; year++) {
            assertThat(years.get(year).get("gb6By16").isNull()).as("by 16 in Year " + year).isTrue();
            assertThat(years.get(year).get("workExperienceHours").isNull()).as("hours in Year " + year).isTrue();
        }
        assertThat(coverage.get("gb6FullyAchieved").asBoolean()).isFalse();

        // Work-experience hours. KS3 counts every GB6 activity, meaningful or not, in Years 7-9: Year 7 Ava 4
        // (virtual) + Ben 2 (demo) = 6, of which 4 virtual; Year 9 Cai 4 (virtual). The careers fair is GB5 only
        // and the withdrawn talk never happened. KS4 counts placements only, in Years 10-11: Dee's 30 hours reach
        // the 25-hour week (1 of 1); the Year 11 visit is not a placement, so Year 11 has 0.
        assertThat(hours(years.get(7))).isEqualTo("KS3 2 pupils 6.00 h (virtual 4.00), week 0 = 0.0");
        assertThat(hours(years.get(8))).isEqualTo("KS3 0 pupils 0.00 h (virtual 0.00), week 0 = null");
        assertThat(hours(years.get(9))).isEqualTo("KS3 1 pupils 4.00 h (virtual 4.00), week 0 = 0.0");
        assertThat(hours(years.get(10))).isEqualTo("KS4 1 pupils 30.00 h (virtual null), week 1 = 100.0");
        assertThat(hours(years.get(11))).isEqualTo("KS4 3 pupils 0.00 h (virtual null), week 0 = 0.0");
    }

    @Test
    void breakdownsBySenPupilPremiumAndGenderCountTheSamePupils() {
        JsonNode breakdowns = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield + "/coverage?academicYear="
                + thisYear + "&asOf=" + today).get("breakdowns");
        // GB5 over Years 7-13; by 16 over Year 11; by 18 over Year 13 (met: Dee Fay Gus Hana Ivan Jo / Fay Hana / Jo).
        // SEN none: Ava Cai Dee Fay Ivan Jo Kit: GB5 Dee Fay Ivan Jo 4/7 = 57.1; Y11 Fay 1/1; Y13 Jo, Kit 1/2.
        // SEN support: Ben Gus: GB5 Gus 1/2; Y11 Gus 0/1; nobody in Y13. EHC plan: Hana 1/1, 1/1, nobody in Y13.
        JsonNode sen = breakdowns.get("bySen");
        assertThat(group(sen.get("NONE"))).containsExactly("4/7 = 57.1 fully=false", "1/1 = 100.0 fully=true",
                "1/2 = 50.0 fully=false");
        assertThat(group(sen.get("SEN_SUPPORT"))).containsExactly("1/2 = 50.0 fully=false", "0/1 = 0.0 fully=false",
                "0/0 = null fully=null");
        assertThat(group(sen.get("EHC_PLAN"))).containsExactly("1/1 = 100.0 fully=true", "1/1 = 100.0 fully=true",
                "0/0 = null fully=null");
        // Pupil premium: Ava Dee Gus Jo: GB5 Dee Gus Jo 3/4 = 75.0; Y11 Gus 0/1; Y13 Jo 1/1.
        // Not: Ben Cai Fay Hana Ivan Kit: GB5 Fay Hana Ivan 3/6 = 50.0; Y11 Fay Hana 2/2; Y13 Kit 0/1.
        JsonNode premium = breakdowns.get("byPupilPremium");
        assertThat(group(premium.get("true"))).containsExactly("3/4 = 75.0 fully=false", "0/1 = 0.0 fully=false",
                "1/1 = 100.0 fully=true");
        assertThat(group(premium.get("false"))).containsExactly("3/6 = 50.0 fully=false", "2/2 = 100.0 fully=true",
                "0/1 = 0.0 fully=false");
        // Female: Ava Dee Fay Hana Jo: GB5 4/5 = 80.0; Y11 Fay Hana 2/2; Y13 Jo 1/1.
        // Male: Ben Cai Gus Ivan Kit: GB5 Gus Ivan 2/5 = 40.0; Y11 Gus 0/1; Y13 Kit 0/1. Other groups are empty.
        JsonNode gender = breakdowns.get("byGender");
        assertThat(group(gender.get("FEMALE"))).containsExactly("4/5 = 80.0 fully=false", "2/2 = 100.0 fully=true",
                "1/1 = 100.0 fully=true");
        assertThat(group(gender.get("MALE"))).containsExactly("2/5 = 40.0 fully=false", "0/1 = 0.0 fully=false",
                "0/1 = 0.0 fully=false");
        for (String empty : List.of("OTHER", "NOT_RECORDED")) {
            assertThat(group(gender.get(empty))).containsOnly("0/0 = null fully=null");
        }
    }

    @Test
    void atRiskListsNameThePupilsStillToReach() {
        // GB5: Ava, Ben (Y7), Cai (Y9), Kit (Y13). By 16: Gus, corrected off the visit. By 18: Kit.
        assertThat(atRisk(northfield, "GB5")).containsExactlyInAnyOrder(
                tuple(pupil.get("Ava"), 7), tuple(pupil.get("Ben"), 7), tuple(pupil.get("Cai"), 9),
                tuple(pupil.get("Kit"), 13));
        assertThat(atRisk(northfield, "GB6_BY_16")).containsExactly(tuple(pupil.get("Gus"), 11));
        assertThat(atRisk(northfield, "GB6_BY_18")).containsExactly(tuple(pupil.get("Kit"), 13));
        // The college: Max has one meaningful encounter (the challenge) where a college needs two. Nobody is measured
        // by 16 at a college, and both Year 13 learners shadowed.
        assertThat(atRisk(riverside, "GB5")).containsExactly(tuple(pupil.get("Max"), 12));
        assertThat(atRisk(riverside, "GB6_BY_16")).isEmpty();
        assertThat(atRisk(riverside, "GB6_BY_18")).isEmpty();
    }

    @Test
    void aCollegeNeedsTwoEncountersOneThroughTheLearnersCurriculumArea() {
        JsonNode coverage = leaderOf(riverside).get(Service.REPORTING, "/api/v1/schools/" + riverside + "/coverage?academicYear="
                + thisYear + "&asOf=" + today);
        // Lea: engTalk (Engineering, her area) + challenge = met. Max: challenge only = not met. Omar: engTalk
        // (his area) + challenge = met. Nia: no area recorded, so any encounter with an area is linked = met.
        // 3/4 = 75.0; Year 12 1/2, Year 13 2/2. By 18 on Year 13: Omar and Nia shadowed, 2/2; no by-16 measure.
        assertThat(figure(coverage.get("gb5"))).isEqualTo("3/4 = 75.0 fully=false");
        Map<Integer, JsonNode> years = yearGroups(coverage);
        assertThat(figure(years.get(12).get("gb5"))).isEqualTo("1/2 = 50.0 fully=false");
        assertThat(figure(years.get(13).get("gb5"))).isEqualTo("2/2 = 100.0 fully=true");
        assertThat(coverage.get("gb6By16").isNull()).isTrue();
        assertThat(figure(coverage.get("gb6By18"))).isEqualTo("2/2 = 100.0 fully=true");
        assertThat(coverage.get("gb5FullyAchieved").asBoolean()).isFalse();
        assertThat(coverage.get("gb6FullyAchieved").asBoolean()).isTrue();

        JsonNode lea = year(pupilCoverage("Lea"), thisYear);
        assertThat(lea.get("gb5Met").asBoolean()).isTrue();
        assertThat(lea.get("gb5Encounters")).extracting(e -> e.get("encounterId").asString(),
                e -> e.get("curriculumLinked").asBoolean()).containsExactlyInAnyOrder(
                tuple(encounter.get("engTalk"), true), tuple(encounter.get("challenge"), false));
        JsonNode max = pupilCoverage("Max");
        assertThat(max.get("schoolType").asString()).isEqualTo("COLLEGE");
        assertThat(max.get("gb6By16").isNull()).as("learners are measured by 18 only").isTrue();
        assertThat(year(max, thisYear).get("gb5Met").asBoolean()).isFalse();
    }

    @Test
    void hubFiguresAreTheSharesOfSchoolsFullyAchievingEachBenchmark() {
        JsonNode hub = coordinator().get(Service.REPORTING, "/api/v1/hubs/" + hubId + "/coverage?academicYear=" + thisYear
                + "&asOf=" + today);
        Map<String, JsonNode> schools = new LinkedHashMap<>();
        hub.get("schools").forEach(s -> schools.put(s.get("schoolId").asString(), s));
        assertThat(schools).containsOnlyKeys(northfield, riverside);
        JsonNode school = schools.get(northfield);
        assertThat(figure(school.get("gb5"))).isEqualTo("6/10 = 60.0 fully=false");
        assertThat(figure(school.get("gb6By16"))).isEqualTo("2/3 = 66.7 fully=false");
        assertThat(figure(school.get("gb6By18"))).isEqualTo("1/2 = 50.0 fully=false");
        JsonNode college = schools.get(riverside);
        assertThat(figure(college.get("gb5"))).isEqualTo("3/4 = 75.0 fully=false");
        assertThat(college.get("gb6By16").isNull()).isTrue();
        assertThat(figure(college.get("gb6By18"))).isEqualTo("2/2 = 100.0 fully=true");
        // GB5 applies to both and neither fully achieves it: 0 of 2 = 0.0. GB6 applies to both; only the college
        // fully achieves it (its only GB6 measure, by 18, is met by every Year 13 learner): 1 of 2 = 50.0.
        assertThat(decimal(hub.get("schoolsFullyAchievingGb5Percent"))).isEqualTo("0.0");
        assertThat(decimal(hub.get("schoolsFullyAchievingGb6Percent"))).isEqualTo("50.0");
        assertThat(share(hub.get("gb5"))).isEqualTo("0 of 2 = 0.0");
        assertThat(share(hub.get("gb6"))).isEqualTo("1 of 2 = 50.0");
    }

    @Test
    void aReportAsKnownBeforeTheEncountersWereRecordedShowsTheRollsOnly() {
        JsonNode hub = coordinator().get(Service.REPORTING, "/api/v1/hubs/" + hubId + "/coverage?academicYear=" + thisYear
                + "&asOf=" + today + "&knownAt=" + beforeEncounters);
        assertThat(hub.get("knownAt").asString()).isEqualTo(beforeEncounters.toString());
        Map<String, JsonNode> schools = new LinkedHashMap<>();
        hub.get("schools").forEach(s -> schools.put(s.get("schoolId").asString(), s));
        assertThat(figure(schools.get(northfield).get("gb5"))).isEqualTo("0/10 = 0.0 fully=false");
        assertThat(figure(schools.get(northfield).get("gb6By16"))).isEqualTo("0/3 = 0.0 fully=false");
        assertThat(figure(schools.get(riverside).get("gb6By18"))).isEqualTo("0/2 = 0.0 fully=false");
        assertThat(share(hub.get("gb6"))).isEqualTo("0 of 2 = 0.0");
    }

    @Test
    void lastYearsFiguresKeepTheLeaverAndTheYearGroupsOfThen() {
        // Asked for last year on today's date, the report describes the year as it ended (31 August). Then: Cai Y8,
        // Dee and Eli Y9 (Eli left on that last day, so he is on roll), Fay Gus Hana Y10, Ivan Y11, Jo Kit Y12; this
        // year's Year 7 were not yet admitted. 9 on roll; no GB5 encounter that year. By 16 on Year 11 (Ivan): 0/1.
        // Year 10's progress: Hana's visit two years ago, 1/3 = 33.3. Nobody was in Year 13: by 18 does not apply.
        JsonNode coverage = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield + "/coverage?academicYear="
                + lastYear + "&asOf=" + today);
        assertThat(coverage.get("asOf").asString()).isEqualTo(AcademicYears.lastDay(lastYear).toString());
        assertThat(coverage.get("framework").asString())
                .isEqualTo(FrameworkVersion.forAcademicYear(lastYear).name());
        Map<Integer, JsonNode> years = yearGroups(coverage);
        assertThat(figure(coverage.get("gb5"))).isEqualTo("0/9 = 0.0 fully=false");
        assertThat(figure(years.get(9).get("gb5"))).isEqualTo("0/2 = 0.0 fully=false");
        assertThat(figure(years.get(10).get("gb6By16"))).isEqualTo("1/3 = 33.3 fully=false");
        assertThat(figure(coverage.get("gb6By16"))).isEqualTo("0/1 = 0.0 fully=false");
        assertThat(figure(coverage.get("gb6By18"))).isEqualTo("0/0 = null fully=null");
        assertThat(coverage.get("gb6FullyAchieved").asBoolean()).isFalse();
    }

    @Test
    void aPupilsCoverageShowsEachYearUnderItsOwnFrameworkAndTheEncountersBehindIt() {
        // Hana joined in Year 7, four years ago: a year each from then, each judged by its own year's framework
        // (in 2026/27: 2022/23 to 2024/25 under 2014, 2025/26 and 2026/27 under 2024).
        JsonNode hana = pupilCoverage("Hana");
        List<Tuple> years = new ArrayList<>();
        for (int yearGroup = 7; yearGroup <= 11; yearGroup++) {
            String academicYear = AcademicYears.of(AcademicYears.startYear(thisYear) - 11 + yearGroup);
            years.add(tuple(academicYear, yearGroup, FrameworkVersion.forAcademicYear(academicYear).name()));
        }
        assertThat(hana.get("years")).extracting(y -> y.get("academicYear").asString(),
                y -> y.get("yearGroup").asInt(), y -> y.get("framework").asString()).containsExactlyElementsOf(years);
        JsonNode now = year(hana, thisYear);
        assertThat(now.get("gb5Met").asBoolean()).isTrue();
        assertThat(now.get("gb5Encounters")).extracting(e -> e.get("encounterId").asString())
                .containsExactly(encounter.get("talk"));
        // By 16: pastVisit (Year 9, its year's framework) and visit (Year 11, via the corrected register): two, which
        // is also the 2024 framework's plural. The visit's evidence names the record and the correction.
        JsonNode by16 = hana.get("gb6By16");
        assertThat(by16.get("met").asBoolean()).isTrue();
        assertThat(by16.get("experiences").asInt()).isEqualTo(2);
        assertThat(by16.get("twoOrMore").asBoolean()).isTrue();
        assertThat(by16.get("encounters")).extracting(e -> e.get("encounterId").asString(),
                e -> e.get("yearGroup").asInt(), e -> e.get("framework").asString(), e -> e.get("eventIds").size())
                .containsExactly(
                        tuple(encounter.get("pastVisit"), 9, FrameworkVersion.forAcademicYear(twoYearsAgo).name(), 1),
                        tuple(encounter.get("visit"), 11, "V2024", 2));
        assertThat(hana.get("gb6By18").get("met").asBoolean()).isFalse();
        // The Year 9 visit was a GB6 activity in Years 7-9: 3 KS3 hours; a visit is no placement, so no KS4 hours.
        assertThat(decimal(hana.get("workExperienceHours").get("keyStage3"))).isEqualTo("3.00");
        assertThat(decimal(hana.get("workExperienceHours").get("keyStage4"))).isEqualTo("0.00");

        JsonNode gus = pupilCoverage("Gus");
        assertThat(gus.get("gb6By16").get("met").asBoolean()).as("corrected off the visit's register").isFalse();
        JsonNode dee = pupilCoverage("Dee").get("workExperienceHours");
        assertThat(decimal(dee.get("keyStage4"))).isEqualTo("30.00");
        assertThat(dee.get("keyStage4WeekReached").asBoolean()).isTrue();
        assertThat(dee.get("keyStage4Encounters")).extracting(e -> e.get("encounterId").asString())
                .containsExactly(encounter.get("placement"));
        JsonNode ava = pupilCoverage("Ava");
        assertThat(year(ava, thisYear).get("gb5Met").asBoolean()).as("fair failed, talk withdrawn").isFalse();
        assertThat(decimal(ava.get("workExperienceHours").get("keyStage3Virtual"))).isEqualTo("4.00");
    }

    @Test
    void evidenceNamesThePupilsBehindAFigureAndTheEventsThatMadeThemCount() {
        JsonNode by16 = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield
                + "/coverage/evidence?measure=GB6_BY_16&academicYear=" + thisYear + "&asOf=" + today);
        // The headline by-16 figure is Year 11's: Fay (visit) and Hana (pastVisit, visit).
        assertThat(by16.get("pupils")).extracting(p -> p.get("pupilId").asString(), p -> p.get("encounters").size())
                .containsExactlyInAnyOrder(tuple(pupil.get("Fay"), 1), tuple(pupil.get("Hana"), 2));
        JsonNode year12 = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield
                + "/coverage/evidence?measure=GB5&yearGroup=12&academicYear=" + thisYear + "&asOf=" + today);
        // Ivan counts through the interviews: the record and the override are the evidence.
        assertThat(year12.get("pupils")).hasSize(1);
        JsonNode ivan = year12.get("pupils").get(0);
        assertThat(ivan.get("pupilId").asString()).isEqualTo(pupil.get("Ivan"));
        assertThat(ivan.get("encounters")).extracting(e -> e.get("encounterId").asString(),
                e -> e.get("eventIds").size()).containsExactly(tuple(encounter.get("interviews"), 2));
        assertThat(ivan.get("encounters").get(0).get("eventIds").get(1).asString())
                .isEqualTo(checklist("interviews").get("results").get("GB5").get("overrideEventId").asString());
    }

    /**
     * Each event behind a figure names the account that recorded it, as the token's subject: Fay counts by 16
     * through the visit, recorded by Northfield's careers leader and its register corrected by the second one.
     */
    @Test
    void evidenceNamesTheAccountsThatRecordedAndCorrectedAnEncounter() {
        String leader = leaderOf(northfield).get(Service.IDENTITY, "/api/v1/account").get("accountId").asString();
        String second = secondLeaderOf(northfield).get(Service.IDENTITY, "/api/v1/account").get("accountId")
                .asString();
        assertThat(second).isNotEqualTo(leader);

        JsonNode by16 = leaderOf(northfield).get(Service.REPORTING, "/api/v1/schools/" + northfield
                + "/coverage/evidence?measure=GB6_BY_16&academicYear=" + thisYear + "&asOf=" + today);
        JsonNode fay = by16.get("pupils").valueStream().filter(p -> p.get("pupilId").asString()
                .equals(pupil.get("Fay"))).findFirst().orElseThrow();
        JsonNode visit = fay.get("encounters").get(0);
        assertThat(visit.get("encounterId").asString()).isEqualTo(encounter.get("visit"));
        assertThat(visit.get("events")).extracting(e -> e.get("type").asString(), e -> e.get("recordedBy").asString())
                .containsExactly(tuple("encounter.EncounterRecorded.v1", leader),
                        tuple("encounter.AttendanceCorrected.v1", second));

        JsonNode interviews = checklist("interviews");
        assertThat(interviews.get("results").get("GB5").get("overrideRecordedBy").asString()).isEqualTo(leader);
        assertThat(checklist("withdrawn").get("events")).extracting(e -> e.get("type").asString(),
                e -> e.get("recordedBy").asString()).containsExactly(
                        tuple("encounter.EncounterRecorded.v1", leader), tuple("encounter.EncounterWithdrawn.v1", leader));
    }

    @Test
    void encounterChecklistsShowTheResultTheOverrideAndTheWithdrawal() {
        JsonNode fair = checklist("fair");
        assertThat(fair.get("framework").asString()).isEqualTo("V2024");
        assertThat(fair.get("checklist").get("REFLECTION").asBoolean()).isFalse();
        assertThat(result(fair, "GB5")).isEqualTo("checklist=false override=null meaningful=false");

        JsonNode interviews = checklist("interviews");
        assertThat(result(interviews, "GB5")).isEqualTo("checklist=false override=true meaningful=true");
        assertThat(interviews.get("results").get("GB5").get("overrideReason").asString()).isEqualTo(OVERRIDE_REASON);

        JsonNode withdrawn = checklist("withdrawn");
        assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
        assertThat(result(withdrawn, "GB5")).isEqualTo("checklist=true override=null meaningful=false");

        JsonNode talk = checklist("talk");
        assertThat(talk.get("schoolId").asString()).isEqualTo(northfield);
        assertThat(result(talk, "GB5")).isEqualTo("checklist=true override=null meaningful=true");
        assertThat(result(checklist("demo"), "GB6")).isEqualTo("checklist=false override=null meaningful=false");

        JsonNode pastVisit = checklist("pastVisit");
        assertThat(pastVisit.get("academicYear").asString()).isEqualTo(twoYearsAgo);
        assertThat(pastVisit.get("framework").asString())
                .isEqualTo(FrameworkVersion.forAcademicYear(twoYearsAgo).name());
        assertThat(result(pastVisit, "GB6")).isEqualTo("checklist=true override=null meaningful=true");
    }

    // --- who acts (docs/access.md): accounts made at identity-service as people get them

    private static PublicApi admin() {
        return api.as(() -> SharedPlatform.tokens().admin());
    }

    private static PublicApi coordinator() {
        return api.as(() -> SharedPlatform.tokens().hubCoordinator(hubId));
    }

    private static PublicApi leaderOf(String schoolId) {
        return api.as(() -> SharedPlatform.tokens().careersLeader(hubId, schoolId));
    }

    private static PublicApi secondLeaderOf(String schoolId) {
        return api.as(() -> SharedPlatform.tokens().secondCareersLeader(hubId, schoolId));
    }

    private static PublicApi employer() {
        return api.as(() -> SharedPlatform.tokens().employer("tees-bridge-works-" + hubId));
    }

    // --- the scenario's steps

    private static String register(String name, String type, List<Integer> yearGroups) {
        String urn = String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
        return admin().post(Service.SCHOOL, "/api/v1/schools", Map.of("urn", urn, "name", name, "type", type,
                "hubId", hubId, "yearGroups", yearGroups), 201).get("schoolId").asString();
    }

    /** Born in the school year that puts them in {@code yearGroup} now; UPNs are unique within a school. */
    private static RollFile.Line line(int serial, String name, int yearGroup, String gender, String sen,
                                      boolean pupilPremium, LocalDate admission, LocalDate leaving, String area) {
        String upn = Upns.of(805, 4001, 14, serial);
        upns.put(name, upn);
        LocalDate born = LocalDate.of(AcademicYears.startYear(thisYear) - yearGroup - 4, 1, 15);
        return new RollFile.Line(upn, name, "Testpupil", born, yearGroup, gender, sen, pupilPremium, admission,
                leaving, area);
    }

    /** The school posts a shout-out, the employer offers from the board, the school accepts, then records it. */
    private static String talkFromAnAcceptedOffer(String employerId) {
        String shoutOutId = leaderOf(northfield).post(Service.SCHOOL, "/api/v1/schools/" + northfield + "/shout-outs", Map.of(
                "title", "Careers talk: working in engineering", "activityType", "CAREERS_TALK",
                "sectors", List.of("Engineering"), "yearGroups", List.of(10, 11), "places", 4,
                "startDate", today.toString(), "endDate", today.plusDays(30).toString(), "mode", "IN_PERSON"), 201)
                .get("shoutOutId").asString();
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> assertThat(
                employer().get(Service.ENCOUNTER, "/api/v1/shout-outs?status=OPEN&sector=Engineering"))
                .extracting(s -> s.get("shoutOutId").asString()).as("on the employers' board").contains(shoutOutId));
        String offerId = employer().post(Service.ENCOUNTER, "/api/v1/shout-outs/" + shoutOutId + "/offers", Map.of(
                "employerId", employerId, "proposedDate", today.plusDays(7).toString(),
                "message", "Two of our apprentices can come"), 201).get("offerId").asString();
        await().atMost(PublicApi.PATIENCE).until(() -> leaderOf(northfield).exchange(Service.SCHOOL, "POST",
                "/api/v1/shout-outs/" + shoutOutId + "/offers/" + offerId + "/accept", Map.of()).statusCode() == 200);
        FrameworkVersion now = FrameworkVersion.forAcademicYear(thisYear);
        Map<String, Object> talk = encounterBody(northfield, employerId, "CAREERS_TALK", Benchmark.GB5, today, "1.5",
                "IN_PERSON", null, checklist(now, Benchmark.GB5), "Dee", "Fay", "Gus", "Hana");
        talk.put("shoutOutId", shoutOutId);
        talk.put("offerId", offerId);
        return leaderOf(northfield).recordEncounter(talk);
    }

    private static void record(String schoolId, String employerId, String key, String activityType,
                               Benchmark benchmark, LocalDate date, String hours, String mode, String curriculumArea,
                               Map<String, Boolean> checklist, String... attendees) {
        encounter.put(key, leaderOf(schoolId).recordEncounter(encounterBody(schoolId, employerId, activityType, benchmark, date,
                hours, mode, curriculumArea, checklist, attendees)));
    }

    private static Map<String, Object> encounterBody(String schoolId, String employerId, String activityType,
                                                     Benchmark benchmark, LocalDate date, String hours, String mode,
                                                     String curriculumArea, Map<String, Boolean> checklist,
                                                     String... attendees) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", schoolId);
        body.put("employerId", employerId);
        body.put("activityType", activityType);
        body.put("benchmarks", List.of(benchmark.name()));
        body.put("date", date.toString());
        body.put("hours", new BigDecimal(hours));
        body.put("mode", mode);
        if (curriculumArea != null) {
            body.put("curriculumArea", curriculumArea);
        }
        List<String> ids = new ArrayList<>();
        for (String name : attendees) {
            ids.add(pupil.get(name));
        }
        body.put("attendees", ids);
        body.put("checklist", checklist);
        return body;
    }

    /** Every item the benchmark needs under the framework, answered true except those named. */
    private static Map<String, Boolean> checklist(FrameworkVersion framework, Benchmark benchmark,
                                                  ChecklistItem... unmet) {
        Set<ChecklistItem> notMet = unmet.length == 0 ? Set.of() : EnumSet.of(unmet[0], unmet);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        ChecklistItem.required(benchmark, framework).forEach(item -> answers.put(item.name(), !notMet.contains(item)));
        return answers;
    }

    // --- reading the reports

    private static JsonNode pupilCoverage(String name) {
        return leaderOf(COLLEGE_PUPILS.contains(name) ? riverside : northfield)
                .get(Service.REPORTING, "/api/v1/pupils/" + pupil.get(name) + "/coverage?asOf=" + today);
    }

    private static JsonNode checklist(String key) {
        return leaderOf(COLLEGE_ENCOUNTERS.contains(key) ? riverside : northfield)
                .get(Service.REPORTING, "/api/v1/encounters/" + encounter.get(key) + "/checklist");
    }

    private static List<Tuple> atRisk(String schoolId, String measure) {
        List<Tuple> pupils = new ArrayList<>();
        leaderOf(schoolId).get(Service.REPORTING, "/api/v1/schools/" + schoolId + "/at-risk?academicYear=" + thisYear + "&asOf="
                + today + "&measure=" + measure)
                .forEach(p -> pupils.add(tuple(p.get("pupilId").asString(), p.get("yearGroup").asInt())));
        return pupils;
    }

    private static JsonNode year(JsonNode pupilCoverage, String academicYear) {
        for (JsonNode year : pupilCoverage.get("years")) {
            if (year.get("academicYear").asString().equals(academicYear)) {
                return year;
            }
        }
        throw new AssertionError("no " + academicYear + " in " + pupilCoverage);
    }

    private static Map<Integer, JsonNode> yearGroups(JsonNode coverage) {
        Map<Integer, JsonNode> years = new LinkedHashMap<>();
        coverage.get("yearGroups").forEach(y -> years.put(y.get("yearGroup").asInt(), y));
        assertThat(years).containsOnlyKeys(7, 8, 9, 10, 11, 12, 13);
        return years;
    }

    /** A figure as "met/onRoll = percent fully=...", so one comparison checks all four numbers. */
    private static String figure(JsonNode figure) {
        return figure.get("met").asInt() + "/" + figure.get("onRoll").asInt() + " = "
                + decimal(figure.get("percent")) + " fully=" + nullable(figure.get("fullyAchieved"));
    }

    private static List<String> group(JsonNode group) {
        return List.of(figure(group.get("gb5")), figure(group.get("gb6By16")), figure(group.get("gb6By18")));
    }

    private static String hours(JsonNode yearGroup) {
        JsonNode h = yearGroup.get("workExperienceHours");
        return h.get("keyStage").asString() + " " + h.get("onRoll").asInt() + " pupils "
                + decimal(h.get("totalHours")) + " h (virtual " + decimal(h.get("virtualHours")) + "), week "
                + h.get("reachedWeek").asInt() + " = " + decimal(h.get("percentReachedWeek"));
    }

    private static String share(JsonNode share) {
        return share.get("fullyAchievingSchools").asInt() + " of " + share.get("applicableSchools").asInt() + " = "
                + decimal(share.get("percent"));
    }

    private static String result(JsonNode checklist, String benchmark) {
        JsonNode r = checklist.get("results").get(benchmark);
        return "checklist=" + r.get("checklistMet").asBoolean() + " override=" + nullable(r.get("override"))
                + " meaningful=" + r.get("meaningful").asBoolean();
    }

    /**
     * As written in the JSON (percentages with one decimal, hours with two): {@link PublicApi#JSON} reads decimals
     * as BigDecimal, so 60 would not pass for 60.0, nor 57.14 for 57.1.
     */
    private static String decimal(JsonNode number) {
        return number == null || number.isNull() ? "null" : number.decimalValue().toPlainString();
    }

    private static String nullable(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.asString();
    }
}
