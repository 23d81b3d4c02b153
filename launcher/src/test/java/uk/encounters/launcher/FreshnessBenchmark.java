package uk.encounters.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.contracts.Benchmark;
import uk.encounters.contracts.ChecklistItem;
import uk.encounters.contracts.FrameworkVersion;
import uk.encounters.infra.Infrastructure;
import uk.encounters.launcher.demo.Upns;

/**
 * Freshness (issue 5): from an encounter accepted by encounter-service (its 201) to the same encounter visible in
 * reporting, at a steady open-loop rate of encounters of 30 attendees, against the three services on the embedded
 * servers. Opt-in; with the service jars built:
 * <pre>
 * ./mvnw -q -B -o -pl school-service,encounter-service,reporting-service -am package -Dmaven.test.skip=true
 * ./mvnw -q -B -o -pl launcher -am test -Dtest=FreshnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Defaults: {@code -Dbenchmark.rate=50 -Dbenchmark.warmupSeconds=60 -Dbenchmark.seconds=60 -Dbenchmark.clients=8
 * -Dbenchmark.probeMillis=20 -Dbenchmark.sampleSeconds=30} (0: sample the school only once, at the end).
 *
 * <h2>Load</h2>
 * One school of 1,500 pupils (Years 7-11, 300 a year, 50 classes of 30). A scheduler issues encounter {@code i} at
 * {@code i / rate} seconds whatever became of earlier ones (open loop); a pool of client threads sends them, so a slow
 * answer delays only its own request ("sent after due" shows whether the client kept to the schedule). Each encounter
 * is one class's GB6 experience of 2 hours (a workplace visit in Years 7-9, a placement in Years 10-11) with its
 * checklist met, so each adds exactly 60 hours to the school's work-experience total: the school's coverage thereby
 * says how many encounters it includes.
 *
 * <h2>What "visible" means, and the probe</h2>
 * An encounter is visible when {@code GET /api/v1/encounters/{id}/checklist} answers 200: reporting has stored its
 * {@code EncounterRecorded}, which it writes after the school's and the attendees' index entries, so the school and
 * pupil coverage include it from then on. Freshness runs from the 201 reaching the client to the first 200 reaching
 * the prober. The prober asks about the oldest encounter not yet visible, every {@code probeMillis}, and only once a
 * Kafka consumer in this JVM has seen its record on {@code encounter.events} (it cannot be visible before, and asking
 * earlier would only load reporting); a 200 moves straight on to the next one. One school's encounters share a
 * partition and are applied in order, so this costs at most one 404 per round, and the figures are upper bounds by at
 * most a probe interval and one request. The record's timestamp, set by encounter-service's outbox when it sends it,
 * splits "to Kafka" into the outbox's wait and the broker's part (the same machine's clock).
 * <p>
 * Every {@code sampleSeconds} (and once at the end) the school's coverage is read to confirm the school figures: it
 * must include every encounter the prober had seen before the request, and no more than had been accepted after it;
 * one attendee's pupil coverage must list the latest visible encounter. That read folds the school's whole history,
 * so it competes with the projection for the same two cores; its times are reported.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Benchmark.*")
class FreshnessBenchmark {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final int YEAR_GROUPS = 5;
    private static final int PUPILS_PER_YEAR = 300;
    private static final int CLASS_SIZE = 30;
    private static final int CLASSES = YEAR_GROUPS * PUPILS_PER_YEAR / CLASS_SIZE;
    private static final BigDecimal HOURS = new BigDecimal("2");
    private static final BigDecimal HOURS_PER_ENCOUNTER = HOURS.multiply(BigDecimal.valueOf(CLASS_SIZE));
    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);
    private static final String MACHINE = "machine";

    private final double rate = Double.parseDouble(System.getProperty("benchmark.rate", "50"));
    private final int warmupSeconds = Integer.getInteger("benchmark.warmupSeconds", 60);
    private final int seconds = Integer.getInteger("benchmark.seconds", 60);
    private final int clientThreads = Integer.getInteger("benchmark.clients", 8);
    private final long probeMillis = Long.getLong("benchmark.probeMillis", 20);
    private final long sampleSeconds = Long.getLong("benchmark.sampleSeconds", 30);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Platform platform;
    private PublicApi api;
    private LocalDate today;
    private String schoolId;
    private String employerId;
    private final Map<String, Boolean> checklist = new LinkedHashMap<>();
    private final List<String> pupilIds = new ArrayList<>();

    /** One encounter's timeline: System.nanoTime() unless named otherwise, 0 until it happened. */
    static final class Encounter {
        final int index;
        final String encounterId;
        final long dueAt;
        final boolean measured;
        volatile long sentAt;
        volatile long acceptedAt;
        volatile long acceptedWallMillis;
        /** The Kafka record's timestamp: when encounter-service's outbox sent it (wall clock, ms). */
        volatile long outboxSentWallMillis;
        volatile long onKafkaAt;
        volatile long onKafkaWallMillis;
        volatile long visibleAt;

        Encounter(int index, String encounterId, long dueAt, boolean measured) {
            this.index = index;
            this.encounterId = encounterId;
            this.dueAt = dueAt;
            this.measured = measured;
        }
    }

    private final Map<String, Encounter> byId = new ConcurrentHashMap<>();
    /** Accepted and not yet seen visible, in the order their 201s arrived. */
    private final ConcurrentLinkedQueue<Encounter> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger visible = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile Encounter lastVisible;
    /** [nanoTime, accepted but not yet visible], once a second. */
    private final List<long[]> backlog = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> schoolCoverageMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> pupilCoverageMillis = Collections.synchronizedList(new ArrayList<>());

    @Test
    void encountersBecomeVisibleInReportingAtASteadyRate() throws Exception {
        platform = SharedPlatform.get();
        api = new PublicApi(platform);
        today = LocalDate.now(ENGLAND);
        setUpSchool();

        AtomicBoolean watching = new AtomicBoolean(true);
        CountDownLatch atTopicEnd = new CountDownLatch(1);
        Thread kafkaWatcher = Thread.ofPlatform().name("freshness-kafka").start(() -> watchKafka(watching, atTopicEnd));
        assertThat(atTopicEnd.await(60, TimeUnit.SECONDS)).as("Kafka consumer at the end of the topic").isTrue();

        int total = (int) Math.round(rate * (warmupSeconds + seconds));
        int firstMeasured = (int) Math.round(rate * warmupSeconds);
        long periodNanos = Math.round(1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long windowStart = start + firstMeasured * periodNanos;
        long windowEnd = start + total * periodNanos;
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < total) {
                Encounter e = new Encounter(i, schoolId + ":fresh-" + run + "-" + i, start + i * periodNanos,
                        i >= firstMeasured);
                byId.put(e.encounterId, e);
                clients.execute(() -> send(e));
            }
        }, start - System.nanoTime(), periodNanos, TimeUnit.NANOSECONDS);
        scheduler.scheduleWithFixedDelay(this::probe, 0, probeMillis, TimeUnit.MILLISECONDS);
        if (sampleSeconds > 0) {
            scheduler.scheduleWithFixedDelay(this::sampleSchool, sampleSeconds, sampleSeconds, TimeUnit.SECONDS);
        }
        scheduler.scheduleAtFixedRate(() -> backlog.add(new long[] {System.nanoTime(), accepted.get() - visible.get()}),
                0, 1, TimeUnit.SECONDS);
        Map<String, Duration> cpuAtStart = new ConcurrentHashMap<>();
        Map<String, Duration> cpuAtEnd = new ConcurrentHashMap<>();
        scheduler.schedule(() -> cpuAtStart.putAll(cpuTimes()), windowStart - System.nanoTime(), TimeUnit.NANOSECONDS);
        scheduler.schedule(() -> cpuAtEnd.putAll(cpuTimes()), windowEnd - System.nanoTime(), TimeUnit.NANOSECONDS);

        await().atMost(Duration.ofSeconds(warmupSeconds + seconds + 60)).pollInterval(Duration.ofMillis(100))
                .until(() -> next.get() >= total && accepted.get() + failed.get() >= total);
        // What is still waiting when the load stops is the backlog the projection has to clear.
        long loadEnded = System.nanoTime();
        int backlogAtEnd = accepted.get() - visible.get();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(pending::isEmpty);
        long drainMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadEnded);
        scheduler.shutdownNow();
        clients.shutdownNow();
        watching.set(false);
        kafkaWatcher.join();
        sampleSchool();

        report(firstMeasured, windowStart, windowEnd, backlogAtEnd, drainMillis, cpuAtStart, cpuAtEnd);
        assertThat(failed.get()).as("requests that did not answer 201 (see above)").isZero();
        assertThat(problems).as("school and pupil figures behind what the prober saw").isEmpty();
    }

    /** A 1,500-pupil 11-16 school whose roll the roster and reporting both know, and one employer. */
    private void setUpSchool() {
        PublicApi admin = api.as(() -> SharedPlatform.tokens().admin());
        String hubId = admin.post(Service.SCHOOL, "/api/v1/hubs", Map.of("name", "Freshness Hub " + run), 201)
                .get("hubId").asString();
        String urn = String.valueOf(100000 + Math.abs(UUID.randomUUID().hashCode() % 899999));
        schoolId = admin.post(Service.SCHOOL, "/api/v1/schools", Map.of("urn", urn, "name", "Freshness Academy",
                "type", "SCHOOL", "hubId", hubId, "yearGroups", List.of(7, 8, 9, 10, 11)), 201)
                .get("schoolId").asString();
        String thisYear = AcademicYears.containing(today);
        LocalDate firstDay = AcademicYears.firstDay(thisYear);
        RollFile roll = new RollFile();
        List<String> upns = new ArrayList<>();
        for (int i = 0; i < YEAR_GROUPS * PUPILS_PER_YEAR; i++) {
            int year = 7 + i / PUPILS_PER_YEAR;
            String upn = Upns.of(806, 4100 + i / 1000, 20, i % 1000);
            upns.add(upn);
            roll.add(new RollFile.Line(upn, "Pupil" + i, "Freshness", LocalDate.of(firstDay.getYear() - year - 4,
                    1 + i % 12, 1 + i % 28), year, i % 2 == 0 ? "F" : "M", i % 7 == 0 ? "K" : "N", i % 4 == 0,
                    firstDay.minusYears(year - 7), null, null));
        }
        String school = schoolId;
        // From here on the school's careers leader acts and reads (docs/access.md), the prober too.
        api = api.as(() -> SharedPlatform.tokens().careersLeader(hubId, school));
        api.uploadRoll(schoolId, thisYear, roll.csv());
        Map<String, String> ids = api.pupilIdsByUpn(schoolId, upns.size());
        upns.forEach(upn -> pupilIds.add(ids.get(upn)));
        employerId = api.as(() -> SharedPlatform.tokens().employer("freshness-works-" + run))
                .post(Service.ENCOUNTER, "/api/v1/employers", Map.of("name", "Freshness Works",
                "sector", "Engineering", "size", "LARGE", "postcode", "TS2 1RS"), 201).get("employerId").asString();
        ChecklistItem.required(Benchmark.GB6, FrameworkVersion.forAcademicYear(thisYear))
                .forEach(item -> checklist.put(item.name(), true));
        // The roster applies a roll in file order: once the last class is accepted, every pupil is known. This
        // encounter is the one the school's figures include before the load starts.
        api.recordEncounter(body(schoolId + ":fresh-" + run + "-ready", CLASSES - 1));
        await().atMost(PublicApi.PATIENCE).untilAsserted(() -> {
            JsonNode coverage = schoolCoverage();
            assertThat(coverage.get("gb5").get("onRoll").asInt()).isEqualTo(upns.size());
            assertThat(includedEncounters(coverage)).isEqualTo(1);
        });
    }

    private Map<String, Object> body(String encounterId, int classIndex) {
        int yearGroup = 7 + classIndex / (PUPILS_PER_YEAR / CLASS_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encounterId", encounterId);
        body.put("schoolId", schoolId);
        body.put("employerId", employerId);
        body.put("activityType", yearGroup <= 9 ? "WORKPLACE_VISIT" : "WORK_EXPERIENCE_PLACEMENT");
        body.put("benchmarks", List.of("GB6"));
        body.put("date", today.toString());
        body.put("hours", HOURS);
        body.put("mode", "IN_PERSON");
        body.put("attendees", pupilIds.subList(classIndex * CLASS_SIZE, (classIndex + 1) * CLASS_SIZE));
        body.put("checklist", checklist);
        return body;
    }

    private void send(Encounter e) {
        e.sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = api.exchange(Service.ENCOUNTER, "POST", "/api/v1/encounters",
                    body(e.encounterId, e.index % CLASSES));
            if (response.statusCode() == 201) {
                e.acceptedAt = System.nanoTime();
                e.acceptedWallMillis = System.currentTimeMillis();
                pending.add(e);
                accepted.incrementAndGet();
                return;
            }
            problems.add(e.encounterId + " answered " + response.statusCode() + ": " + response.body());
        } catch (RuntimeException ex) {
            problems.add(e.encounterId + " failed: " + ex);
        }
        failed.incrementAndGet();
    }

    /** Notes when each encounter's {@code EncounterRecorded} arrives on {@code encounter.events}. */
    private void watchKafka(AtomicBoolean watching, CountDownLatch atTopicEnd) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                Infrastructure.forTests().kafkaBootstrapServers()), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("encounter.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            atTopicEnd.countDown();
            while (watching.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    long wallNow = System.currentTimeMillis();
                    Header type = record.headers().lastHeader("event-type");
                    if (type == null || !new String(type.value(), StandardCharsets.UTF_8)
                            .equals("encounter.EncounterRecorded.v1")) {
                        continue;
                    }
                    Encounter e = byId.get(PublicApi.JSON.readTree(record.value()).get("encounterId").asString());
                    if (e != null && e.onKafkaAt == 0) {
                        e.outboxSentWallMillis = record.timestamp();
                        e.onKafkaWallMillis = wallNow;
                        e.onKafkaAt = now;
                    }
                }
            }
        }
    }

    /** Asks about the oldest pending encounter once it is on Kafka; each 200 moves on to the next at once. */
    private void probe() {
        try {
            Encounter head;
            while ((head = pending.peek()) != null && head.onKafkaAt != 0) {
                if (api.exchange(Service.REPORTING, "GET", "/api/v1/encounters/" + head.encounterId + "/checklist",
                        null).statusCode() != 200) {
                    return;
                }
                head.visibleAt = System.nanoTime();
                pending.poll();
                visible.incrementAndGet();
                lastVisible = head;
            }
        } catch (RuntimeException e) {
            problems.add("probe failed: " + e); // and a scheduled task that throws is not run again
        }
    }

    /** The school's figures must include what the prober saw, and an attendee's coverage the latest of it. */
    private void sampleSchool() {
        try {
            Encounter latest = lastVisible;
            int visibleBefore = visible.get() + 1; // the encounter recorded during set-up counts too
            long sent = System.nanoTime();
            JsonNode coverage = schoolCoverage();
            schoolCoverageMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            int acceptedAfter = accepted.get() + 1;
            int included = includedEncounters(coverage);
            if (included < visibleBefore || included > acceptedAfter) {
                problems.add("school coverage included " + included + " encounters; the prober had seen "
                        + visibleBefore + " and " + acceptedAfter + " were accepted");
            }
            if (latest != null) {
                String attendee = pupilIds.get((latest.index % CLASSES) * CLASS_SIZE);
                sent = System.nanoTime();
                JsonNode pupil = api.get(Service.REPORTING, "/api/v1/pupils/" + attendee + "/coverage");
                pupilCoverageMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                List<String> listed = new ArrayList<>();
                pupil.get("gb6By16").get("encounters").forEach(e -> listed.add(e.get("encounterId").asString()));
                if (!listed.contains(latest.encounterId)) {
                    problems.add("an attendee's coverage lacks visible encounter " + latest.encounterId);
                }
            }
        } catch (RuntimeException | AssertionError e) {
            problems.add("school sample failed: " + e);
        }
    }

    private JsonNode schoolCoverage() {
        return api.get(Service.REPORTING, "/api/v1/schools/" + schoolId + "/coverage?asOf=" + today);
    }

    /** Every encounter adds 60 hours to one year group's work-experience total. */
    private static int includedEncounters(JsonNode coverage) {
        BigDecimal hours = BigDecimal.ZERO;
        for (JsonNode year : coverage.get("yearGroups")) {
            JsonNode h = year.get("workExperienceHours");
            if (h != null && !h.isNull()) {
                hours = hours.add(h.get("totalHours").decimalValue());
            }
        }
        return hours.divide(HOURS_PER_ENCOUNTER).intValueExact();
    }

    private void report(int firstMeasured, long windowStart, long windowEnd, int backlogAtEnd, long drainMillis,
                        Map<String, Duration> cpuAtStart, Map<String, Duration> cpuAtEnd) {
        List<Encounter> all = byId.values().stream().filter(e -> e.visibleAt != 0)
                .sorted(Comparator.comparingInt((Encounter e) -> e.index)).toList();
        List<Encounter> measured = all.stream().filter(e -> e.measured).toList();
        long issued = byId.values().stream().filter(e -> e.measured).count();
        double windowSeconds = (windowEnd - windowStart) / 1e9;
        long acceptedInWindow = measured.stream().filter(e -> e.acceptedAt <= windowEnd).count();
        long[] freshness = millis(measured, e -> e.visibleAt - e.acceptedAt);
        long[] lastTen = millis(measured.stream().filter(e -> e.dueAt >= windowEnd - TEN_SECONDS).toList(),
                e -> e.visibleAt - e.acceptedAt);
        long maxBacklog = backlogBetween(windowStart, windowEnd).stream().mapToLong(b -> b[1]).max().orElse(0);
        // Kept up: when the load stopped, less than two seconds' worth was waiting, and the last ten seconds were no
        // slower than the window as a whole (a growing lag shows in both).
        boolean keptUp = backlogAtEnd <= 2 * rate && median(lastTen) <= 2 * median(freshness) + 100;

        System.out.printf("%nFreshnessBenchmark: %d encounters of %d attendees measured after %d warm-up, %d client"
                + " threads, probe every %d ms, school sampled every %d s%n", issued, CLASS_SIZE, firstMeasured,
                clientThreads, probeMillis, sampleSeconds);
        System.out.printf("  POST /encounters (ms)          %s%n",
                summary(millis(measured, e -> e.acceptedAt - e.sentAt)));
        System.out.printf("  sent after due (ms)            %s%n", summary(millis(measured, e -> e.sentAt - e.dueAt)));
        System.out.printf("  201 -> outbox sent it (ms)     %s%n", summary(measured.stream()
                .mapToLong(e -> e.outboxSentWallMillis - e.acceptedWallMillis).sorted().toArray()));
        System.out.printf("  outbox sent -> on Kafka (ms)   %s%n", summary(measured.stream()
                .mapToLong(e -> e.onKafkaWallMillis - e.outboxSentWallMillis).sorted().toArray()));
        System.out.printf("  on Kafka -> visible (ms)       %s%n", summary(millis(measured,
                e -> e.visibleAt - Math.max(e.onKafkaAt, e.acceptedAt))));
        System.out.printf("  201 -> visible (ms)            %s%n", summary(freshness));
        System.out.printf("  backlog (accepted, not yet visible): max %d in the window, %d when the load stopped,"
                + " cleared %d ms later%n", maxBacklog, backlogAtEnd, drainMillis);
        StringBuilder windows = new StringBuilder("  per 10 s from the start (w: warm-up; 201 -> visible median/p99 ms,"
                + " backlog at its end):");
        for (long from = windowStart - TimeUnit.SECONDS.toNanos(warmupSeconds); from < windowEnd; from += TEN_SECONDS) {
            long to = from + TEN_SECONDS;
            Predicate<Encounter> due = dueBetween(from, to);
            long[] w = millis(all.stream().filter(due).toList(), e -> e.visibleAt - e.acceptedAt);
            List<long[]> b = backlogBetween(from, to);
            windows.append(" %s%d/%d (%d)".formatted(from < windowStart ? "w:" : "", median(w), percentile(w, 99),
                    b.isEmpty() ? 0 : b.getLast()[1]));
        }
        System.out.println(windows);
        System.out.printf("  school coverage GET (ms)       %s%n", summary(sorted(schoolCoverageMillis)));
        System.out.printf("  pupil coverage GET (ms)        %s%n", summary(sorted(pupilCoverageMillis)));
        System.out.println(cpu(cpuAtStart, cpuAtEnd, windowSeconds));
        System.out.printf("FRESHNESS RESULT: target %.1f/s, achieved %.1f/s (%d of %d accepted in %.1f s, %d failed);"
                        + " 201 -> visible median %d ms, p99 %d ms, max %d ms; kept up: %s%n%n", rate,
                acceptedInWindow / windowSeconds, measured.size(), issued, windowSeconds, failed.get(),
                median(freshness), percentile(freshness, 99), percentile(freshness, 100),
                keptUp ? "yes (lag steady)" : "NO (lag growing)");
    }

    private static Predicate<Encounter> dueBetween(long from, long to) {
        return e -> e.dueAt >= from && e.dueAt < to;
    }

    private List<long[]> backlogBetween(long from, long to) {
        synchronized (backlog) {
            return backlog.stream().filter(b -> b[0] >= from && b[0] <= to).toList();
        }
    }

    /** CPU time so far of this JVM (it also runs the embedded MongoDB server), its child processes and the machine. */
    private Map<String, Duration> cpuTimes() {
        Map<Long, String> services = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            services.put(platform.pid(service), service.module());
        }
        Map<String, Duration> cpu = new LinkedHashMap<>();
        ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> cpu.put("test JVM (MongoDB, load)", d));
        ProcessHandle.current().children().forEach(child -> child.info().totalCpuDuration().ifPresent(d ->
                cpu.merge(services.getOrDefault(child.pid(), "Kafka broker"), d, Duration::plus)));
        machineBusy().ifPresent(d -> cpu.put(MACHINE, d));
        return cpu;
    }

    /** Busy time of the whole machine, other people's builds included, from Linux's /proc/stat. */
    private static Optional<Duration> machineBusy() {
        try {
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < ticks.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(ticks[i]); // all but idle and iowait; 100 ticks a second
            }
            return Optional.of(Duration.ofMillis(busy * 10));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String cpu(Map<String, Duration> before, Map<String, Duration> after, double windowSeconds) {
        StringBuilder line = new StringBuilder("  CPU in the window (cores):");
        double ours = 0;
        for (Map.Entry<String, Duration> e : after.entrySet()) {
            double cores = e.getValue().minus(before.getOrDefault(e.getKey(), Duration.ZERO)).toMillis() / 1000.0
                    / windowSeconds;
            if (!e.getKey().equals(MACHINE)) {
                ours += cores;
                line.append(" %s %.2f;".formatted(e.getKey(), cores));
            }
        }
        line.append(" together %.2f".formatted(ours));
        if (before.containsKey(MACHINE) && after.containsKey(MACHINE)) {
            line.append("; the whole machine %.2f".formatted(
                    after.get(MACHINE).minus(before.get(MACHINE)).toMillis() / 1000.0 / windowSeconds));
        }
        return line.append(" of ").append(Runtime.getRuntime().availableProcessors()).toString();
    }

    private static long[] millis(List<Encounter> encounters, ToLongFunction<Encounter> nanos) {
        return encounters.stream().mapToLong(e -> TimeUnit.NANOSECONDS.toMillis(nanos.applyAsLong(e))).sorted()
                .toArray();
    }

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private static long median(long[] sorted) {
        return percentile(sorted, 50);
    }

    /** Nearest rank; -1 for no values. */
    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String summary(long[] sorted) {
        return sorted.length == 0 ? "none" : "median %d, p99 %d, max %d (n=%d)".formatted(median(sorted),
                percentile(sorted, 99), sorted[sorted.length - 1], sorted.length);
    }
}
