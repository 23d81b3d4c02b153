package uk.encounters.platform.security.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a service's access matrix over HTTP with real tokens: for each endpoint, no token (401), then every caller the
 * row names with the status it must get, refusals first and the allowed callers last. After every refusal the
 * service's state (for an event-sourced service, the event store's head) must be as before, and a 404 must read
 * exactly like the 404 for an id that was never used, so a refusal tells nothing about the resource.
 */
public final class AccessMatrix {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI baseUrl;
    private final Map<String, Supplier<String>> callers;
    private final Supplier<Object> state;

    /**
     * @param callers tokens by the names the rows use ("careers leader of A")
     * @param state   what must not change on a refusal; compared with {@link Objects#equals}
     */
    public AccessMatrix(URI baseUrl, Map<String, Supplier<String>> callers, Supplier<Object> state) {
        this.baseUrl = baseUrl;
        this.callers = new LinkedHashMap<>(callers);
        this.state = state;
    }

    public Stream<DynamicNode> tests(List<Endpoint> endpoints) {
        return endpoints.stream().map(endpoint -> {
            List<String> named = new ArrayList<>(endpoint.refused.keySet());
            named.addAll(endpoint.allowed.keySet());
            assertThat(named).as(endpoint.name + " names every caller once")
                    .containsExactlyInAnyOrderElementsOf(callers.keySet());
            List<DynamicNode> cases = new ArrayList<>();
            cases.add(DynamicTest.dynamicTest("no token -> 401", () -> assertRefused(endpoint, null, 401)));
            endpoint.refused.entrySet()
                    .forEach(e -> cases.add(DynamicTest.dynamicTest(e.getKey() + " -> " + e.getValue(),
                            () -> assertRefused(endpoint, callers.get(e.getKey()).get(), e.getValue()))));
            endpoint.allowed.entrySet()
                    .forEach(e -> cases.add(DynamicTest.dynamicTest(e.getKey() + " -> " + e.getValue(), () -> {
                        Reply reply = send(endpoint, endpoint.target.get(), callers.get(e.getKey()).get());
                        assertThat(reply.status()).as(endpoint.name + " as " + e.getKey() + ": " + reply.body())
                                .isEqualTo(e.getValue());
                    })));
            return DynamicContainer.dynamicContainer(endpoint.name, cases);
        });
    }

    private void assertRefused(Endpoint endpoint, String token, int expected) {
        String target = endpoint.target.get();
        Object before = state.get();
        Reply reply = send(endpoint, target, token);
        assertThat(reply.status()).as(endpoint.name + ": " + reply.body()).isEqualTo(expected);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(state.get()).as("nothing changed after a refused " + endpoint.name).isEqualTo(before);
        if (expected == 404 || expected == 422) {
            String neverUsed = "never-used-" + UUID.randomUUID();
            Reply missing = send(endpoint.withTarget(neverUsed), neverUsed, token);
            assertThat(missing.body().replace(neverUsed, "{id}"))
                    .as("another tenant's " + endpoint.name + " is refused exactly like a missing one")
                    .isEqualTo(reply.body().replace(target, "{id}"));
            assertThat(missing.status()).isEqualTo(expected);
        }
    }

    private Reply send(Endpoint endpoint, String target, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(endpoint.path.apply(target)));
        String body = endpoint.body.apply(target);
        request.method(endpoint.method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", endpoint.contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String contentType, String body) {
    }

    /**
     * One row: the request for a target id (the resource another tenant must not reach), and the status each caller
     * must get; allowed callers run after the refused ones, in the order given. The body may depend on the target too, where the body names it (a hub id, an employer id).
     */
    public static final class Endpoint {

        private final String name;
        private final String method;
        private final Function<String, String> path;
        private final Function<String, String> body;
        private final String contentType;
        private final Supplier<String> target;
        private final Map<String, Integer> refused = new LinkedHashMap<>();
        private final Map<String, Integer> allowed = new LinkedHashMap<>();

        private Endpoint(String name, String method, Function<String, String> path, Function<String, String> body,
                         String contentType, Supplier<String> target) {
            this.name = name;
            this.method = method;
            this.path = path;
            this.body = body;
            this.contentType = contentType;
            this.target = target;
        }

        /** A JSON request ({@code body} null for none) on the resource {@code target} supplies, fresh per call. */
        public static Endpoint of(String method, String pathTemplate, Supplier<String> target,
                                  Function<String, String> body) {
            return new Endpoint(method + " " + pathTemplate, method,
                    id -> pathTemplate.replaceFirst("\\{[^}]+}", id), body, "application/json", target);
        }

        public static Endpoint of(String method, String pathTemplate, Supplier<String> target) {
            return of(method, pathTemplate, target, id -> null);
        }

        public Endpoint contentType(String type) {
            Endpoint copy = new Endpoint(name, method, path, body, type, target);
            copy.refused.putAll(refused);
            copy.allowed.putAll(allowed);
            return copy;
        }

        /** This caller is refused with this status (403, 404, or 422 for another tenant named in the body). */
        public Endpoint refuse(String caller, int status) {
            assertThat(status).as("a refusal").isGreaterThanOrEqualTo(400);
            refused.put(caller, status);
            return this;
        }

        /**
         * This caller gets past the access check and the service answers with this status: usually 2xx, or the
         * resource's own rule where an earlier allowed caller changed it (a second cancellation is a 409).
         */
        public Endpoint allow(String caller, int status) {
            allowed.put(caller, status);
            return this;
        }

        private Endpoint withTarget(String id) {
            return new Endpoint(name, method, path, body, contentType, () -> id);
        }
    }
}
