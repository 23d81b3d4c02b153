package uk.encounters.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service inside a generated "-exec" jar: answers readiness on SERVER_PORT and echoes the
 * environment the platform gave it. JDK classes only, no nested classes, because it is copied into the jar alone.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if ("true".equals(System.getenv("FAKE_FAIL"))) {
            System.out.println("fake start-up failure: cannot reach the moon");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> answer(exchange, System.getenv("KAFKA_BOOTSTRAP_SERVERS") + "|"
                + System.getenv("MONGODB_URI") + "|" + System.getenv("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")));
        server.start();
        System.out.println("fake service listening");
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
