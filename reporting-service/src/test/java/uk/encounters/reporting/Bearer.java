package uk.encounters.reporting;

import java.io.IOException;
import java.util.function.Function;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * Signs a test's requests as the reader docs/access.md allows: the coordinator of the hub in the path, the careers
 * leader of the school in the path, for a pupil or an encounter the careers leader of the school the test names,
 * and an administrator for the admin endpoints.
 * The access rules themselves are tested in ReportingAccessTest.
 */
public final class Bearer implements ClientHttpRequestInterceptor {

    public static final TestIssuer ISSUER = TestIssuer.shared();

    private volatile Function<String, String> schoolOfPupilOrEncounter = id -> "none";

    public static void trustTestIssuer(DynamicPropertyRegistry registry) {
        registry.add(TestIssuer.ISSUER_PROPERTY, ISSUER::issuerUri);
    }

    /** Pupils and encounters asked for from now on are this school's. */
    public Bearer pupilsAndEncountersOf(String schoolId) {
        this.schoolOfPupilOrEncounter = id -> schoolId;
        return this;
    }

    /** Pupils and encounters asked for from now on are those of the school this gives for their id. */
    public Bearer pupilsAndEncountersOf(Function<String, String> schoolOfId) {
        this.schoolOfPupilOrEncounter = schoolOfId;
        return this;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String[] path = request.getURI().getRawPath().split("/"); // "", "api", "v1", kind, id, ...
        String token = switch (path.length > 4 ? path[3] : "") {
            case "hubs" -> ISSUER.hubCoordinator(path[4]);
            case "schools" -> ISSUER.careersLeader(path[4]);
            case "admin" -> ISSUER.admin();
            default -> ISSUER.careersLeader(schoolOfPupilOrEncounter.apply(path.length > 4 ? path[4] : ""));
        };
        request.getHeaders().setBearerAuth(token);
        return execution.execute(request, body);
    }
}
