package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' public HTTP APIs as the end-to-end tests and benchmarks call them: JSON in and out, signed as the
 * caller {@link #as} names (docs/access.md), and an assertion on the status each call expects. Safe to share between
 * threads.
 */
public final class PublicApi {

    /** Decimals read as BigDecimal, so a figure is compared as the service wrote it (60.0, 6.00). */
    public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Generous for two shared cores: the services answer in milliseconds, the projections follow within seconds. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Platform platform;
    private final Supplier<String> token;

    public PublicApi(Platform platform) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), platform, () -> null);
    }

    private PublicApi(HttpClient http, Platform platform, Supplier<String> token) {
        this.http = http;
        this.platform = platform;
        this.token = token;
    }

    /** The same APIs called with the bearer token {@code token} gives (asked for per call: tokens expire). */
    public PublicApi as(Supplier<String> token) {
        return new PublicApi(http, platform, token);
    }

    /** The response whatever its status, for callers that decide themselves (probes, retries). */
    public HttpResponse<String> exchange(Service service, String method, String path, Object body) {
        HttpRequest.Builder request = signed(HttpRequest.newBuilder(url(service, path)).timeout(PATIENCE));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request.build());
    }

    public JsonNode send(Service service, String method, String path, Object body, int expectedStatus) {
        return expect(exchange(service, method, path, body), expectedStatus, method + " " + path);
    }

    public JsonNode post(Service service, String path, Object body, int expectedStatus) {
        return send(service, "POST", path, body, expectedStatus);
    }

    public JsonNode get(Service service, String path) {
        return send(service, "GET", path, null, 200);
    }

    /** Uploads a roll export (the whole roll for the academic year, written 2026-27 or 2026/27). */
    public JsonNode uploadRoll(String schoolId, String academicYear, String csv) {
        String path = "/api/v1/schools/" + schoolId + "/roll?academicYear=" + academicYear;
        return expect(send(signed(HttpRequest.newBuilder(url(Service.SCHOOL, path)).timeout(PATIENCE))
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)).build()), 200, "PUT " + path);
    }

    /** Pupil ids by UPN, leavers included, once school-service's roll view lists {@code expected} pupils. */
    public Map<String, String> pupilIdsByUpn(String schoolId, int expected) {
        Map<String, String> ids = new HashMap<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ids.clear();
            get(Service.SCHOOL, "/api/v1/schools/" + schoolId + "/pupils?includeLeavers=true")
                    .forEach(p -> ids.put(p.get("upn").asString(), p.get("pupilId").asString()));
            assertThat(ids).hasSize(expected);
        });
        return ids;
    }

    /**
     * Records an encounter and returns its id. Right after a roll upload encounter-service may not have read the roll
     * yet and says so with a retryable 409; that is waited out, anything else must be a 201.
     */
    public String recordEncounter(Map<String, ?> encounter) {
        String[] id = new String[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = exchange(Service.ENCOUNTER, "POST", "/api/v1/encounters", encounter);
            if (response.statusCode() == 409 && JSON.readTree(response.body()).path("retryable").asBoolean(false)) {
                return false;
            }
            id[0] = expect(response, 201, "POST /api/v1/encounters").get("encounterId").asString();
            return true;
        });
        return id[0];
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        String bearer = token.get();
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    URI url(Service service, String path) {
        return platform.baseUrl(service).resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int expectedStatus, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(expectedStatus);
        return response.body() == null || response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
