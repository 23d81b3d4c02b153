package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.launcher.demo.Upns;

/**
 * A school that joins mid-year brings last year's roll before this year's, so last year's figures have their leavers:
 * through the three services' HTTP APIs, an 11-16 school uploads last year's roll (two in Year 11, one in Year 10),
 * then this year's (the Year 10 now in Year 11, a new Year 7), records a workplace visit dated last year for one of
 * the Year 11s who left on 31 August, and last year's GB6-by-16 figure counts both leavers, one of them met.
 */
class PastRollEndToEndTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final PublicApi api = new PublicApi(SharedPlatform.get());
    private final LocalDate today = LocalDate.now(ENGLAND);
    private final String thisYear = AcademicYears.containing(today);
    private final String lastYear = AcademicYears.of(AcademicYears.startYear(thisYear) - 1);
    private String hubId;

    @Test
    void lastYearsLeaversCountInLastYearsFiguresAndCanBeNamedOnItsEncounters() {
        hubId = admin().post(Service.SCHOOL, "/api/v1/hubs", Map.of("name", "Past Roll Hub"), 201).get("hubId")
                .asString();
        String urn = String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
        String schoolId = admin().post(Service.SCHOOL, "/api/v1/schools", Map.of("urn", urn, "name",
                "Hillside School", "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), 201)
                .get("schoolId").asString();
        PublicApi leader = api.as(() -> SharedPlatform.tokens().careersLeader(hubId, schoolId));
        LocalDate lastYearStart = AcademicYears.firstDay(lastYear);
        Map<String, String> upns = new LinkedHashMap<>();

        // Year groups as each year's MIS export has them; everyone was admitted in Year 7.
        RollFile lastYears = new RollFile()
                .add(line(upns, 1, "Zara", 11, lastYearStart))
                .add(line(upns, 2, "Yan", 11, lastYearStart))
                .add(line(upns, 3, "Wes", 10, lastYearStart));
        assertThat(leader.uploadRoll(schoolId, lastYear, lastYears.csv()).get("enrolled").asInt()).isEqualTo(3);
        RollFile thisYears = new RollFile()
                .add(line(upns, 3, "Wes", 11, lastYearStart.plusYears(1)))
                .add(line(upns, 4, "Vic", 7, lastYearStart.plusYears(1)));
        JsonNode second = leader.uploadRoll(schoolId, thisYear, thisYears.csv());
        assertThat(List.of(second.get("enrolled").asInt(), second.get("left").asInt(), second.get("unchanged").asInt()))
                .as("Vic joins, Wes is unchanged; Zara and Yan left when Year 11 ended, not as missing pupils")
                .containsExactly(1, 0, 1);

        // Zara and Yan are on last year's roll only, with the day Year 11 ended as their leaving date.
        Map<String, JsonNode> lastYearsPupils = new LinkedHashMap<>();
        await().atMost(PublicApi.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            leader.get(Service.SCHOOL, "/api/v1/schools/" + schoolId + "/pupils?includeLeavers=true&academicYear="
                    + lastYear).forEach(p -> lastYearsPupils.put(p.get("upn").asString(), p));
            assertThat(lastYearsPupils).containsKeys(upns.get("Zara"), upns.get("Yan"));
            assertThat(lastYearsPupils.get(upns.get("Zara")).get("leavingDate").asString())
                    .isEqualTo(AcademicYears.lastDay(lastYear).toString());
            assertThat(lastYearsPupils.get(upns.get("Yan")).get("leavingDate").asString())
                    .isEqualTo(AcademicYears.lastDay(lastYear).toString());
        });
        String zara = lastYearsPupils.get(upns.get("Zara")).get("pupilId").asString();
        String yan = lastYearsPupils.get(upns.get("Yan")).get("pupilId").asString();
        assertThat(leader.pupilIdsByUpn(schoolId, 2)).as("this year's roll: Wes and Vic")
                .containsOnlyKeys(upns.get("Wes"), upns.get("Vic"));

        // Last February, Zara (Year 11 then, gone now) visited a workplace: encounter-service takes her on its register.
        String employerId = api.as(() -> SharedPlatform.tokens().employer("hillside-hosts-" + hubId))
                .post(Service.ENCOUNTER, "/api/v1/employers", Map.of("name", "Hillside Hosts", "sector",
                        "Engineering", "size", "SMALL", "postcode", "TS5 6AA"), 201).get("employerId").asString();
        FrameworkVersion framework = FrameworkVersion.forAcademicYear(lastYear);
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        ChecklistItem.required(Benchmark.GB6, framework).forEach(item -> checklist.put(item.name(), true));
        String visit = leader.recordEncounter(Map.of("schoolId", schoolId, "employerId", employerId,
                "activityType", "WORKPLACE_VISIT", "benchmarks", List.of("GB6"),
                "date", lastYearStart.plusMonths(5).plusDays(9).toString(), "hours", new BigDecimal("3"),
                "mode", "IN_PERSON", "attendees", List.of(zara), "checklist", checklist));
        assertThat(visit).isNotBlank();

        // Last year's figures at 31 July: Year 11 had Zara and Yan on roll (both left on 31 August, after it); Zara met
        // GB6 by 16 with the visit, Yan did not: 1/2 = 50.0, not fully achieved, Yan at risk. Wes was in Year 10.
        LocalDate census = AcademicYears.lastDay(lastYear).minusMonths(1);
        await().atMost(PublicApi.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode coverage = leader.get(Service.REPORTING, "/api/v1/schools/" + schoolId
                    + "/coverage?academicYear=" + lastYear + "&asOf=" + census);
            assertThat(figure(coverage.get("gb6By16"))).isEqualTo("1/2 = 50.0");
            Map<Integer, String> byYearGroup = new LinkedHashMap<>();
            coverage.get("yearGroups").forEach(y -> byYearGroup.put(y.get("yearGroup").asInt(),
                    y.get("gb5").get("onRoll").asInt() + " on roll"));
            assertThat(byYearGroup).containsEntry(11, "2 on roll").containsEntry(10, "1 on roll")
                    .containsEntry(7, "0 on roll");
        });
        assertThat(leader.get(Service.REPORTING, "/api/v1/schools/" + schoolId + "/at-risk?academicYear=" + lastYear
                + "&asOf=" + census + "&measure=GB6_BY_16"))
                .extracting(p -> p.get("pupilId").asString(), p -> p.get("yearGroup").asInt())
                .containsExactly(tuple(yan, 11));
        // This year Year 11 is Wes alone: the leavers are in last year's figures only.
        JsonNode now = leader.get(Service.REPORTING, "/api/v1/schools/" + schoolId + "/coverage?academicYear="
                + thisYear + "&asOf=" + today);
        assertThat(figure(now.get("gb6By16"))).isEqualTo("0/1 = 0.0");
    }

    private PublicApi admin() {
        return api.as(() -> SharedPlatform.tokens().admin());
    }

    /** @param yearStart the first day of the academic year whose roll lists the pupil in {@code yearGroup} */
    private static RollFile.Line line(Map<String, String> upns, int serial, String name, int yearGroup,
                                      LocalDate yearStart) {
        String upn = Upns.of(806, 5002, 15, serial);
        upns.put(name, upn);
        LocalDate admittedToYear7 = yearStart.minusYears(yearGroup - 7);
        LocalDate born = LocalDate.of(admittedToYear7.getYear() - 11, 1, 15);
        return new RollFile.Line(upn, name, "Testpupil", born, yearGroup, "F", "N", false, admittedToYear7, null,
                null);
    }

    private static String figure(JsonNode figure) {
        return figure.get("met").asInt() + "/" + figure.get("onRoll").asInt() + " = "
                + (figure.get("percent").isNull() ? "null" : figure.get("percent").decimalValue().toPlainString());
    }
}
