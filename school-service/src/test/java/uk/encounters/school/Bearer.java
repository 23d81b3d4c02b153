package uk.encounters.school;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.encounters.platform.security.testing.TestIssuer;

/**
 * The bearer token a test's HTTP client sends, switched as the test acts as an admin, a careers leader or a hub
 * coordinator. Tokens come from the JVM's one {@link TestIssuer}, which the service under test trusts.
 */
public final class Bearer implements ClientHttpRequestInterceptor {

    public static final TestIssuer ISSUER = TestIssuer.shared();

    private volatile String token;

    /** Makes the service trust the test issuer. */
    public static void trustTestIssuer(DynamicPropertyRegistry registry) {
        registry.add(TestIssuer.ISSUER_PROPERTY, ISSUER::issuerUri);
    }

    /** Sends this token from now on (null for none). */
    public Bearer as(String token) {
        this.token = token;
        return this;
    }

    public Bearer asAdmin() {
        return as(ISSUER.admin());
    }

    public Bearer asCareersLeaderOf(String schoolId) {
        return as(ISSUER.careersLeader(schoolId));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String current = token;
        if (current != null && !request.getHeaders().containsHeader("Authorization")) {
            request.getHeaders().setBearerAuth(current);
        }
        return execution.execute(request, body);
    }
}
