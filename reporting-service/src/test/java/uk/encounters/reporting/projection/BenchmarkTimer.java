package uk.encounters.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.web.client.RestClient;

/** Times the benchmarks' GET requests: warm-ups first, then a table row of nearest-rank percentiles. */
final class BenchmarkTimer {

    private BenchmarkTimer() {
    }

    /** {@code | label | first ms | p50 | p99 | max | n |} over {@code requests} after {@code warmups}. */
    static String row(String label, int warmups, int requests, IntFunction<String> path, RestClient http) {
        List<Double> measured = new ArrayList<>();
        double first = 0;
        for (int i = 0; i < warmups + requests; i++) {
            String uri = path.apply(i);
            long start = System.nanoTime();
            String body = http.get().uri(uri).retrieve().body(String.class);
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(body).isNotBlank();
            if (i == 0) {
                first = ms;
            }
            if (i >= warmups) {
                measured.add(ms);
            }
        }
        measured.sort(Double::compare);
        return "| %s | %.0f | %.1f | %.1f | %.1f | %d |".formatted(label, first, rank(measured, 0.50),
                rank(measured, 0.99), measured.getLast(), measured.size());
    }

    private static double rank(List<Double> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
