package uk.encounters.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.encounters.portal.PortalProperties;

/**
 * The platform's public HTTP APIs, called with the signed-in person's own access token, which stays in their
 * session here and never reaches the browser. A refusal becomes an {@link ApiProblem}; a missing or expiring token
 * a {@link SignInNeeded}.
 */
@Component
public class PlatformApi {

    public static final String REGISTRATION = "platform";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() { };
    /** A token this close to expiry is not used: the call could outlive it. */
    private static final Duration MARGIN = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final PortalProperties properties;
    private final OAuth2AuthorizedClientRepository authorizedClients;

    PlatformApi(RestClient.Builder builder, PortalProperties properties,
                OAuth2AuthorizedClientRepository authorizedClients) {
        this.http = builder.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            throw problem(response);
        }).build();
        this.properties = properties;
        this.authorizedClients = authorizedClients;
    }

    /** A JSON object, e.g. {@code get(SCHOOL, u -> u.path("/api/v1/schools/{id}").build(schoolId))}. */
    public Map<String, Object> get(Backend backend, Function<UriBuilder, URI> uri) {
        return call(HttpMethod.GET, backend, uri, null, null).body(MAP);
    }

    /** A JSON array of objects. */
    public List<Map<String, Object>> getList(Backend backend, Function<UriBuilder, URI> uri) {
        return call(HttpMethod.GET, backend, uri, null, null).body(LIST);
    }

    /** A POST, PUT or DELETE with a JSON body (or none); the answer's JSON object, or an empty map if it had none. */
    public Map<String, Object> send(HttpMethod method, Backend backend, Function<UriBuilder, URI> uri, Object body) {
        Map<String, Object> answer = call(method, backend, uri, body, body == null ? null : MediaType.APPLICATION_JSON)
                .body(MAP);
        return answer == null ? Map.of() : answer;
    }

    /** A PUT of a CSV file (a school's roll). */
    public Map<String, Object> putCsv(Backend backend, Function<UriBuilder, URI> uri, byte[] csv) {
        return call(HttpMethod.PUT, backend, uri, csv, new MediaType("text", "csv", StandardCharsets.UTF_8)).body(MAP);
    }

    private RestClient.ResponseSpec call(HttpMethod method, Backend backend, Function<UriBuilder, URI> uri,
                                         Object body, MediaType contentType) {
        URI base = backend.baseUrl(properties);
        RestClient.RequestBodySpec request = http.method(method)
                .uri(base.toString(), uri)
                .headers(h -> h.setBearerAuth(accessToken()))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request.retrieve();
    }

    /** The signed-in person's access token, from their session. */
    public String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(RequestContextHolder.getRequestAttributes()
                instanceof ServletRequestAttributes attributes)) {
            throw new SignInNeeded("Not signed in.");
        }
        HttpServletRequest request = attributes.getRequest();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(REGISTRATION, authentication, request);
        if (client == null) {
            throw new SignInNeeded("Not signed in.");
        }
        Instant expiresAt = client.getAccessToken().getExpiresAt();
        if (expiresAt != null && Instant.now().plus(MARGIN).isAfter(expiresAt)) {
            // A public client gets no refresh token; signing in again is silent while identity-service's session lasts.
            throw new SignInNeeded("The sign-in has expired.");
        }
        return client.getAccessToken().getTokenValue();
    }

    private static RuntimeException problem(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status == 401) {
            return new SignInNeeded("The platform no longer accepts this sign-in.");
        }
        byte[] body = response.getBody().readAllBytes();
        String title = response.getStatusText();
        String detail = "The platform answered " + status + ".";
        List<ApiProblem.FieldProblem> errors = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            title = json.path("title").asString(title);
            detail = json.path("detail").asString(detail);
            for (JsonNode error : json.path("errors")) {
                errors.add(new ApiProblem.FieldProblem(error.path("field").asString(""),
                        error.path("message").asString("")));
            }
        } catch (RuntimeException notJson) {
            // Not problem details (a proxy's error page, say): the status alone is all there is.
        }
        return new ApiProblem(status, title, detail, errors);
    }
}
