package uk.encounters.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;
import uk.encounters.platform.messaging.EventJson;
import uk.encounters.platform.messaging.ReceivedEvent;
import uk.encounters.reporting.coverage.Stamp;

/**
 * Writes batches of events into one generation of the coverage store ({@link CoverageStore} describes the
 * documents). Everything a batch says about one document becomes one update, and each collection gets one unordered
 * bulk write, so a poll of a thousand events costs a handful of round trips rather than thousands.
 * <p>
 * Index entries of the whole batch are written before any of its history entries: should a write fail, the
 * redelivered batch writes both again, and meanwhile a reader finds at worst an id with no facts, which the engine
 * treats as not yet known. Every write is an idempotent {@code $addToSet} or a {@code $set} of a key derived from the
 * event id, so redeliveries, duplicates within a batch and any order across batches give the same documents.
 */
final class CoverageWriter {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final CoverageCollections target;

    CoverageWriter(CoverageCollections target) {
        this.target = target;
    }

    void write(List<? extends ReceivedEvent<?>> events) {
        Index index = new Index();
        Histories histories = new Histories();
        for (ReceivedEvent<?> received : events) {
            switch (received.event()) {
                case SchoolRegistered e -> {
                    index.add(target.hubs(), e.hubId(), "schools", e.schoolId());
                    histories.keep(target.schools(), e.schoolId(), received);
                }
                case SchoolMovedHub e -> {
                    index.add(target.hubs(), e.previousHubId(), "schools", e.schoolId());
                    index.add(target.hubs(), e.hubId(), "schools", e.schoolId());
                    histories.keep(target.schools(), e.schoolId(), received);
                }
                case PupilEnrolled e -> pupilFact(index, histories, e.pupilId(), e.schoolId(), received);
                case PupilDetailsChanged e -> pupilFact(index, histories, e.pupilId(), e.schoolId(), received);
                case PupilLeft e -> pupilFact(index, histories, e.pupilId(), e.schoolId(), received);
                case EncounterRecorded e -> encounterFact(index, histories, e.encounterId(), e.schoolId(),
                        e.attendees(), received);
                case AttendanceCorrected e -> encounterFact(index, histories, e.encounterId(), e.schoolId(),
                        e.attendees(), received);
                case EncounterWithdrawn e -> encounterFact(index, histories, e.encounterId(), e.schoolId(),
                        List.of(), received);
                case MeaningfulnessOverridden e when e.benchmark() != null -> encounterFact(index, histories,
                        e.encounterId(), e.schoolId(), List.of(), received);
                default -> {
                    // not a coverage fact
                }
            }
        }
        index.write();
        histories.write();
        // Last: a reader that sees a school's new version must find the events behind it.
        new SchoolVersions(target.schools(), target.pupils(), target.encounters())
                .bump(events.stream().map(ReceivedEvent::event).toList());
    }

    private void pupilFact(Index index, Histories histories, String pupilId, String schoolId,
                           ReceivedEvent<?> received) {
        index.add(target.schools(), schoolId, "pupils", pupilId);
        index.add(target.pupils(), pupilId, "schools", schoolId);
        histories.keep(target.pupils(), pupilId, received);
    }

    private void encounterFact(Index index, Histories histories, String encounterId, String schoolId,
                               List<String> attendees, ReceivedEvent<?> received) {
        index.add(target.schools(), schoolId, "encounters", encounterId);
        for (String pupilId : attendees) {
            index.add(target.pupils(), pupilId, "encounters", encounterId);
        }
        histories.keep(target.encounters(), encounterId, received);
    }

    /** Event ids are not ours to trust as field names (dots, dollars): base64url is a safe, injective spelling. */
    static String key(String eventId) {
        return "e" + Base64.getUrlEncoder().withoutPadding().encodeToString(eventId.getBytes(StandardCharsets.UTF_8));
    }

    /** Per collection and document, the values the batch adds to each index array. */
    private static final class Index {

        private final Map<MongoCollection<Document>, Map<String, Map<String, Set<String>>>> additions =
                new LinkedHashMap<>();

        void add(MongoCollection<Document> collection, String id, String field, String value) {
            if (id != null) {
                additions.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                        .computeIfAbsent(id, i -> new LinkedHashMap<>())
                        .computeIfAbsent(field, f -> new LinkedHashSet<>())
                        .add(value);
            }
        }

        void write() {
            additions.forEach((collection, documents) -> {
                List<WriteModel<Document>> updates = new ArrayList<>(documents.size());
                documents.forEach((id, fields) -> {
                    Document addToSet = new Document();
                    fields.forEach((field, values) -> addToSet.append(field,
                            new Document("$each", List.copyOf(values))));
                    updates.add(new UpdateOneModel<>(new Document("_id", id), new Document("$addToSet", addToSet),
                            UPSERT));
                });
                collection.bulkWrite(updates, UNORDERED);
            });
        }
    }

    /** Per collection and document, the history entries the batch sets. */
    private static final class Histories {

        private final Map<MongoCollection<Document>, Map<String, Document>> entries = new LinkedHashMap<>();

        void keep(MongoCollection<Document> collection, String id, ReceivedEvent<?> received) {
            Stamp stamp = Stamp.of(received);
            Document stored = new Document("eventId", stamp.eventId())
                    .append("aggregateId", stamp.aggregateId())
                    .append("sequence", stamp.sequence())
                    .append("recordedAt", stamp.recordedAt().toString())
                    .append("recordedBy", stamp.recordedBy())
                    .append("type", received.type().typeName())
                    .append("json", EventJson.MAPPER.writeValueAsString(received.event()));
            entries.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .computeIfAbsent(id, i -> new Document())
                    .append("history." + key(stamp.eventId()), stored);
        }

        void write() {
            entries.forEach((collection, documents) -> {
                List<WriteModel<Document>> updates = new ArrayList<>(documents.size());
                documents.forEach((id, set) -> updates.add(
                        new UpdateOneModel<>(new Document("_id", id), new Document("$set", set), UPSERT)));
                collection.bulkWrite(updates, UNORDERED);
            });
        }
    }
}
