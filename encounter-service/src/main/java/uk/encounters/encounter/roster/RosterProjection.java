package uk.encounters.encounter.roster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.platform.messaging.EventBatchContainers;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Who is on which school's roll when, from school-service's pupil events. One document per school and pupil, keyed
 * by both ({@code {schoolId, pupilId}}), so a whole register is checked with one {@code _id $in} lookup of the
 * recording school's keys, and another school's pupil is never found: to a school it is an id its roll never
 * mentioned, answered exactly like one (issue 6). A pupil who moves keeps the stays at the old school there and gets
 * a document at the new one when its enrolment arrives, whatever order the two schools' events come in. A document
 * keeps only what the check needs: each stay (admission, leaving) at that school, so a pupil who left and came back
 * is on roll in both stays and not in between. Attributes for coverage breakdowns are reporting-service's business.
 * <p>
 * Events come a poll at a time: the batch's documents are read with {@code _id $in} lookups, its events applied to
 * them in order in memory, and each changed document written once, in unordered bulk writes (new documents inserted,
 * known ones updated). A roll upload of a whole school is thousands of events, which one read and one guarded write
 * per event made take minutes (on the embedded server a filter beyond {@code _id} scans the collection). Each
 * document remembers, per source aggregate, the highest sequence applied to it ({@link IdempotentUpdates#APPLIED},
 * as before), and an event at or below it is skipped, so a redelivered or republished event changes nothing and the
 * stays come out the same whatever the batch boundaries. A school's pupil events share its partition, so one
 * consumer thread sees a document's events in order and the read-then-write has no competitor.
 * <p>
 * The consumer group and the collection are new with the batches: the group reads school.events from the start, so
 * an existing installation builds the view again by itself (the former {@code roster_school_pupils} can be dropped).
 * Every document is then created by an insert: the embedded server's H2 backend fails later updates by {@code _id} of
 * documents that an upsert created (as the former record listener's were) with a duplicate key on their own
 * {@code _id}.
 */
@Component
class RosterProjection {

    static final String PUPILS = "roster_pupil_stays";
    static final String SCHOOL = "schoolId";
    static final String PUPIL = "pupilId";
    static final String GROUP = "encounter-roster-stays";
    /** A school's roll is up to a few thousand events; this many make one read and one bulk write. */
    static final int MAX_POLL_RECORDS = 2_000;
    private static final int IN_BATCH = 1_000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final Logger log = LoggerFactory.getLogger(RosterProjection.class);

    private final MongoCollection<Document> pupils;

    RosterProjection(MongoDatabase database) {
        this.pupils = database.getCollection(PUPILS);
    }

    /** Applies a batch of events in order; events about anything but who is on roll are ignored. */
    void apply(List<ReceivedEvent<?>> batch) {
        Map<Document, List<ReceivedEvent<?>>> byPupil = new LinkedHashMap<>();
        for (ReceivedEvent<?> received : batch) {
            switch (received.event()) {
                case PupilEnrolled e -> byPupil.computeIfAbsent(key(e.schoolId(), e.pupilId()), k -> new ArrayList<>())
                        .add(received);
                case PupilLeft e -> byPupil.computeIfAbsent(key(e.schoolId(), e.pupilId()), k -> new ArrayList<>())
                        .add(received);
                default -> {
                    // not about who is on roll (year group and attributes do not decide it)
                }
            }
        }
        if (byPupil.isEmpty()) {
            return;
        }
        Map<Document, Document> stored = read(byPupil.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        byPupil.forEach((key, events) -> {
            Document doc = stored.get(key);
            List<Stay> stays = staysOf(doc);
            Map<String, Long> applied = appliedOf(doc);
            Document set = new Document();
            for (ReceivedEvent<?> received : events) {
                String aggregate = aggregateOf(received);
                if (applied.getOrDefault(aggregate, -1L) >= received.aggregateSequence()) {
                    continue; // a redelivery
                }
                switch (received.event()) {
                    case PupilEnrolled e -> enrolled(stays, e);
                    case PupilLeft e -> left(stays, e);
                    default -> throw new IllegalStateException("only pupil events are grouped");
                }
                applied.put(aggregate, received.aggregateSequence());
                set.append(IdempotentUpdates.APPLIED + "." + aggregate, received.aggregateSequence());
            }
            if (set.isEmpty()) {
                return;
            }
            List<Document> stayDocs = stays.stream().map(Stay::toDocument).toList();
            if (doc == null) {
                Document appliedDoc = new Document();
                applied.forEach(appliedDoc::append);
                writes.add(new InsertOneModel<>(new Document("_id", key).append(IdempotentUpdates.APPLIED, appliedDoc)
                        .append("stays", stayDocs)));
            } else {
                writes.add(new UpdateOneModel<>(new Document("_id", key),
                        new Document("$set", set.append("stays", stayDocs))));
            }
        });
        if (!writes.isEmpty()) {
            pupils.bulkWrite(writes, UNORDERED);
        }
    }

    private static void enrolled(List<Stay> stays, PupilEnrolled e) {
        // Each academic year's roll enrols its pupils again with the same admission date: that is the same stay.
        if (stays.stream().noneMatch(s -> e.admissionDate() != null && e.admissionDate().equals(s.admitted()))) {
            stays.add(new Stay(e.admissionDate(), null));
        }
    }

    private static void left(List<Stay> stays, PupilLeft e) {
        Stay latest = stays.stream()
                .filter(s -> s.admitted() == null || !s.admitted().isAfter(e.leavingDate()))
                .max(Comparator.comparing(s -> s.admitted() == null ? LocalDate.MIN : s.admitted()))
                .orElse(null);
        if (latest == null) {
            // Ids are opaque, so naming the pupil here discloses nothing personal.
            log.warn("Pupil {} left school {} without an admission this roster knows of", e.pupilId(), e.schoolId());
            stays.add(new Stay(null, e.leavingDate()));
        } else {
            stays.set(stays.indexOf(latest), new Stay(latest.admitted(), e.leavingDate()));
        }
    }

    /** The document's key: a pupil as one school's roll knows them. */
    static Document key(String schoolId, String pupilId) {
        return new Document(SCHOOL, schoolId).append(PUPIL, pupilId);
    }

    /** The stored documents by key, in lookups of a bounded number of keys. */
    private Map<Document, Document> read(Collection<Document> keys) {
        List<Document> all = List.copyOf(keys);
        Map<Document, Document> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += IN_BATCH) {
            List<Document> chunk = all.subList(from, Math.min(all.size(), from + IN_BATCH));
            pupils.find(new Document("_id", new Document("$in", chunk)))
                    .forEach(d -> found.put(key(d.get("_id", Document.class).getString(SCHOOL),
                            d.get("_id", Document.class).getString(PUPIL)), d));
        }
        return found;
    }

    private static List<Stay> staysOf(Document doc) {
        List<Stay> stays = new ArrayList<>();
        if (doc != null) {
            for (Document s : doc.getList("stays", Document.class, List.of())) {
                stays.add(Stay.from(s));
            }
        }
        return stays;
    }

    private static Map<String, Long> appliedOf(Document doc) {
        Map<String, Long> applied = new HashMap<>();
        if (doc != null && doc.get(IdempotentUpdates.APPLIED) instanceof Document map) {
            map.forEach((aggregate, sequence) -> {
                if (sequence instanceof Number n) {
                    applied.put(aggregate, n.longValue());
                }
            });
        }
        return applied;
    }

    /** The aggregate's field name under {@link IdempotentUpdates#APPLIED}. */
    private static String aggregateOf(ReceivedEvent<?> received) {
        if (received.aggregateId() == null || received.aggregateSequence() == null) {
            throw new IllegalArgumentException("Event " + received.eventId() + " (" + received.type()
                    + ") has no aggregate sequence to deduplicate on");
        }
        return IdempotentUpdates.fieldName(received.aggregateId());
    }

    /** One period on a school's roll; a null admission is a leaving whose admission never reached us. */
    record Stay(LocalDate admitted, LocalDate left) {

        boolean covers(LocalDate date) {
            return admitted != null && !admitted.isAfter(date) && (left == null || !date.isAfter(left));
        }

        Document toDocument() {
            return new Document("admitted", admitted == null ? null : admitted.toString())
                    .append("left", left == null ? null : left.toString());
        }

        static Stay from(Document d) {
            String admitted = d.getString("admitted");
            String left = d.getString("left");
            return new Stay(admitted == null ? null : LocalDate.parse(admitted), left == null ? null : LocalDate.parse(left));
        }
    }

    /** The batch consumer, started with the application as {@code @KafkaListener} ones are. */
    @Configuration(proxyBeanMethods = false)
    static class RosterConsumer {

        @Bean
        ConcurrentMessageListenerContainer<String, ReceivedEvent<?>> rosterConsumer(
                EventBatchContainers containers, RosterProjection projection,
                @Value("${encounters.topics.school:school.events}") String topic) {
            ConcurrentMessageListenerContainer<String, ReceivedEvent<?>> container =
                    containers.create(GROUP, List.of(topic), MAX_POLL_RECORDS, projection::apply);
            container.setAutoStartup(true);
            return container;
        }
    }
}
