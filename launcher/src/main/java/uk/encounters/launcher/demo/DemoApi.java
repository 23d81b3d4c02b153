package uk.encounters.launcher.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three services' public HTTP APIs as the demo uses them: JSON in and out, problem details on refusal, and the
 * encounter-service's "roster not caught up yet" conflict retried after the {@code Retry-After} it names.
 */
final class DemoApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    /** A roll reaches the roster within seconds; two minutes of retries means something else is wrong. */
    private static final Duration RETRYABLE_PATIENCE = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoTarget target;

    DemoApi(DemoTarget target) {
        this.target = target;
    }

    enum Service { SCHOOL, ENCOUNTER, REPORTING }

    /** @param retryAfter the {@code Retry-After} the service asked for, or null */
    record Response(int status, JsonNode body, String text, Duration retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            return body != null && body.has("detail") ? body.get("detail").asString() : text;
        }
    }

    /** Every request carries the bearer token of the person it acts as ({@link DemoTokens}). */
    Response get(Service service, String path, String token) {
        return send(service, path, HttpRequest.newBuilder().GET(), token);
    }

    Response post(Service service, String path, String token, Object body) {
        return send(service, path, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
    }

    Response put(Service service, String path, String token, Object body) {
        return send(service, path, HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
    }

    Response putCsv(Service service, String path, String token, String csv) {
        return send(service, path, HttpRequest.newBuilder()
                .header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)), token);
    }

    /**
     * Posts, and while the answer is a 409 marked {@code retryable} (the encounter-service has not yet read a roll
     * uploaded moments ago), waits as long as its {@code Retry-After} asks and tries again.
     */
    Response postRetrying(Service service, String path, String token, Object body) {
        return putOrPostRetrying(() -> post(service, path, token, body));
    }

    Response putRetrying(Service service, String path, String token, Object body) {
        return putOrPostRetrying(() -> put(service, path, token, body));
    }

    private Response putOrPostRetrying(Supplier<Response> call) {
        long deadline = System.nanoTime() + RETRYABLE_PATIENCE.toNanos();
        while (true) {
            Response response = call.get();
            if (response.status() != 409 || response.body() == null
                    || !response.body().path("retryable").asBoolean(false) || System.nanoTime() > deadline) {
                return response;
            }
            sleep(response.retryAfter() == null ? Duration.ofSeconds(2) : response.retryAfter());
        }
    }

    private Response send(Service service, String path, HttpRequest.Builder builder, String token) {
        URI uri = target.baseUrl(service).resolve(path);
        builder.uri(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? null : parse(text);
            return new Response(response.statusCode(), body, text,
                    response.headers().firstValue("Retry-After").map(DemoApi::seconds).orElse(null));
        } catch (IOException e) {
            throw new DemoLoadException(request.method() + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("Interrupted during " + request.method() + " " + uri, e);
        }
    }

    /** Seconds, capped; an HTTP date instead (allowed, not used by the services) falls back to the default wait. */
    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Math.min(30, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null; // not JSON (a proxy's error page, say); the text is kept for the message
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("Interrupted while waiting", e);
        }
    }
}
