package uk.encounters.reporting.projection;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import uk.encounters.platform.messaging.EventBatchContainers;
import uk.encounters.reporting.projection.ProjectionPointer.Generations;

/**
 * Runs the coverage projection in generations, blue/green. Each generation has its own collections
 * ({@link CoverageCollections}) and its own consumer group, which reads both topics from the beginning (they are
 * kept forever) and writes a poll at a time through {@link CoverageWriter}. Reads use the serving generation; a
 * rebuild fills generation serving + 1 meanwhile. Every instance runs a consumer for the serving and the building
 * generation, so several instances share each group's partitions and write both generations independently.
 * <p>
 * A monitor looks every {@code check-interval}: once the building group has caught up (no lag against the end
 * offsets measured at that check) one instance switches the pointer over, in a single conditional update; every
 * instance then stops its consumer of the old generation, and after {@code drop-after} the old collections go.
 * After a restart the consumers of whatever the pointer names start again, at their groups' committed offsets.
 */
@Component
public class CoverageGenerations implements SmartLifecycle {

    static final String PROJECTION = "coverage";

    private static final Logger log = LoggerFactory.getLogger(CoverageGenerations.class);

    private final MongoDatabase database;
    private final ProjectionPointer pointer;
    private final EventBatchContainers containers;
    private final KafkaAdmin kafkaAdmin;
    private final CoverageProperties properties;
    private final List<String> topics;
    private final Clock clock;

    /** This instance's consumers by generation; changed only under this object's lock. */
    private final Map<Long, MessageListenerContainer> running = new HashMap<>();
    private volatile ScheduledExecutorService monitor;
    private volatile GroupProgress progress;

    CoverageGenerations(MongoDatabase database, EventBatchContainers containers, KafkaAdmin kafkaAdmin,
                        CoverageProperties properties, ObjectProvider<Clock> clock,
                        @Value("${encounters.topics.school:school.events}") String schoolTopic,
                        @Value("${encounters.topics.encounter:encounter.events}") String encounterTopic) {
        this.database = database;
        this.pointer = new ProjectionPointer(database, PROJECTION);
        this.containers = containers;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.topics = List.of(schoolTopic, encounterTopic);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Starts building a new generation from the beginning of the topics, unless one is being built already.
     *
     * @return whether this call started it
     */
    public synchronized boolean rebuild() {
        Generations current = pointer.readOrCreate(properties.consumerGroup(), clock.instant());
        if (!pointer.startBuild(current, clock.instant())) {
            return false;
        }
        log.info("Rebuilding the coverage projection into generation {} while generation {} serves",
                current.serving() + 1, current.serving());
        runConsumers(pointer.read());
        return true;
    }

    public ProjectionStatus status() {
        Generations generations = pointer.read();
        Long building = generations.building();
        return new ProjectionStatus(PROJECTION, generation(generations, generations.serving(), null),
                building == null ? null : generation(generations, building, generations.buildStartedAt()),
                generations.switchedAt());
    }

    /**
     * One look at the generations: runs the consumers the pointer names, switches over to a build that has caught
     * up, and drops retired collections. Failures are logged and the next check tries again.
     */
    synchronized void check() {
        try {
            Generations generations = pointer.readOrCreate(properties.consumerGroup(), clock.instant());
            runConsumers(generations);
            Long building = generations.building();
            if (building != null && progress.of(generations.group(building)).caughtUp()
                    && pointer.switchTo(building, clock.instant())) {
                log.info("Coverage generation {} has caught up with the topics and now serves; generation {} retires",
                        building, generations.serving());
                generations = pointer.read();
                runConsumers(generations);
            }
            dropRetired(generations);
        } catch (RuntimeException e) {
            log.warn("Checking the coverage generations failed ({}); the next check tries again", e.toString());
            log.debug("Check failure", e);
        }
    }

    /** Starts a consumer for each generation the pointer names and stops any other. */
    private void runConsumers(Generations generations) {
        Set<Long> wanted = new HashSet<>();
        wanted.add(generations.serving());
        if (generations.building() != null) {
            wanted.add(generations.building());
        }
        running.entrySet().removeIf(entry -> {
            if (wanted.contains(entry.getKey())) {
                return false;
            }
            // Waits for the batch in hand, so nothing writes the generation once this returns.
            entry.getValue().stop();
            return true;
        });
        for (long generation : wanted) {
            running.computeIfAbsent(generation, g -> {
                CoverageWriter writer = new CoverageWriter(CoverageCollections.of(database, g));
                MessageListenerContainer container = containers.create(generations.group(g), topics,
                        properties.maxPollRecords(), writer::write);
                container.start();
                return container;
            });
        }
    }

    /**
     * Drops the collections of generations older than the serving one, once {@code drop-after} has passed since the
     * switch. Runs at every check, so collections that a late writer recreated go again.
     */
    private void dropRetired(Generations generations) {
        Instant switchedAt = generations.switchedAt();
        if (switchedAt != null && clock.instant().isBefore(switchedAt.plus(properties.dropAfter()))) {
            return;
        }
        for (String name : database.listCollectionNames()) {
            OptionalLong generation = CoverageCollections.generationOf(name);
            if (generation.isPresent() && generation.getAsLong() < generations.serving()) {
                database.getCollection(name).drop();
                log.info("Dropped {} of retired coverage generation {}", name, generation.getAsLong());
            }
        }
    }

    private ProjectionStatus.Generation generation(Generations generations, long generation, Instant startedAt) {
        String group = generations.groupPrefix() == null ? null : generations.group(generation);
        GroupProgress.Progress read = null;
        if (group != null && progress != null) {
            try {
                read = progress.of(group);
            } catch (RuntimeException e) {
                log.debug("No progress for {}", group, e);
            }
        }
        return new ProjectionStatus.Generation(generation, group, startedAt,
                read == null ? null : read.committed(), read == null ? null : read.end(),
                read == null ? null : read.lag());
    }

    @Override
    public synchronized void start() {
        progress = new GroupProgress(Admin.create(kafkaAdmin.getConfigurationProperties()), topics);
        monitor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "coverage-generations");
            thread.setDaemon(true);
            return thread;
        });
        // The consumers start with the application, as @KafkaListener ones do; switching waits for the first check.
        try {
            runConsumers(pointer.readOrCreate(properties.consumerGroup(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Starting the coverage consumers failed ({}); the next check tries again", e.toString());
        }
        long interval = properties.checkInterval().toMillis();
        monitor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = monitor;
            monitor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            stopping.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            running.values().forEach(MessageListenerContainer::stop);
            running.clear();
            progress.close();
            progress = null;
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }

    /** Starts last and stops first, as the listener containers do. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE;
    }
}
