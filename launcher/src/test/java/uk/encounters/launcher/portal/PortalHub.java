package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.launcher.IdentityTokens;
import uk.encounters.launcher.IdentityTokens.SignIn;
import uk.encounters.launcher.PublicApi;
import uk.encounters.launcher.RollFile;
import uk.encounters.launcher.Service;
import uk.encounters.launcher.SharedPlatform;
import uk.encounters.launcher.demo.Upns;

/**
 * A hub of its own for one browser test class, made through the public APIs: an 11-16 school with a small roll of
 * fictional pupils (two per year group), its careers leader, the hub's coordinator and an employer, each a real
 * account that signs in at identity-service's form.
 */
public final class PortalHub {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public final String hubId;
    public final String hubName;
    public final String schoolId;
    public final String schoolName;
    public final String employerName;
    public final String academicYear;
    /** Pupil ids by "Forename Surname". */
    public final Map<String, String> pupils = new LinkedHashMap<>();
    private final PublicApi api = new PublicApi(SharedPlatform.get());

    private PortalHub(String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IdentityTokens tokens = SharedPlatform.tokens();
        academicYear = AcademicYears.containing(LocalDate.now(ENGLAND));
        hubName = label + " Hub " + suffix;
        hubId = admin().post(Service.SCHOOL, "/api/v1/hubs", Map.of("name", hubName), 201).get("hubId").asString();
        schoolName = label + " Academy " + suffix;
        schoolId = admin().post(Service.SCHOOL, "/api/v1/schools", Map.of("urn", urn(), "name", schoolName,
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), 201)
                .get("schoolId").asString();
        employerName = label + " Works " + suffix;
        employer().post(Service.ENCOUNTER, "/api/v1/employers", Map.of("name", employerName, "sector",
                "Engineering", "size", "MEDIUM", "postcode", "TS2 1RS"), 201);
        RollFile roll = new RollFile();
        LocalDate firstDay = AcademicYears.firstDay(academicYear);
        String[][] names = {{"Amira", "Khan"}, {"Ben", "Carter"}, {"Chloe", "Davies"}, {"Dylan", "Evans"},
                {"Ella", "Fraser"}, {"Finn", "Green"}, {"Grace", "Hughes"}, {"Harry", "Iqbal"}, {"Isla", "Jones"},
                {"Jack", "Kowalski"}};
        Map<String, String> nameByUpn = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            int year = 7 + i / 2;
            String upn = Upns.of(805, 4001, 16, i + 1);
            nameByUpn.put(upn, names[i][0] + " " + names[i][1]);
            roll.add(new RollFile.Line(upn, names[i][0], names[i][1],
                    LocalDate.of(AcademicYears.startYear(academicYear) - year - 4, 3, 10 + i), year,
                    i % 2 == 0 ? "F" : "M", i == 3 ? "K" : "N", i % 3 == 0, firstDay.minusYears(year - 7), null,
                    null));
        }
        assertThat(leader().uploadRoll(schoolId, academicYear, roll.csv()).get("enrolled").asInt())
                .isEqualTo(names.length);
        leader().pupilIdsByUpn(schoolId, names.length).forEach((upn, id) -> pupils.put(nameByUpn.get(upn), id));
    }

    public static PortalHub create(String label) {
        return new PortalHub(label);
    }

    public PublicApi admin() {
        return api.as(() -> SharedPlatform.tokens().admin());
    }

    public PublicApi coordinator() {
        return api.as(() -> SharedPlatform.tokens().hubCoordinator(hubId));
    }

    public PublicApi leader() {
        return api.as(() -> SharedPlatform.tokens().careersLeader(hubId, schoolId));
    }

    public PublicApi employer() {
        return api.as(() -> SharedPlatform.tokens().employer(employerName));
    }

    public String employerId() {
        return SharedPlatform.tokens().employerId(employerName);
    }

    public SignIn coordinatorSignIn() {
        return SharedPlatform.tokens().coordinatorSignIn(hubId);
    }

    public SignIn leaderSignIn() {
        return SharedPlatform.tokens().careersLeaderSignIn(hubId, schoolId);
    }

    public SignIn employerSignIn() {
        return SharedPlatform.tokens().employerSignIn(employerName);
    }

    private static String urn() {
        return String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
    }
}
