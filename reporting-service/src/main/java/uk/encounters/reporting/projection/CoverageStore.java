package uk.encounters.reporting.projection;

import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.EventType;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.IntegrationEvents;
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
import uk.encounters.reporting.coverage.CoverageFold;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.coverage.Stamp;

/**
 * The coverage events kept in MongoDB, so that the facts about one school, hub, pupil or encounter load with a few
 * {@code _id} / {@code $in} lookups (the only reads the embedded server indexes).
 * <p>
 * Each school, pupil and encounter has one document whose {@code history} maps a key derived from the event id to the
 * event as received (JSON plus stamp). Writing {@code history.<key>} is idempotent and commutes with every other
 * write, so redeliveries and any arrival order across the two topics give the same documents without transactions;
 * the engine ({@link CoverageFold}) orders the history by aggregate sequence when it reads it. Index arrays grow by
 * {@code $addToSet} only: a school lists its pupils and encounters, a pupil the encounters whose registers ever named
 * them and the schools whose rolls did, a hub every school ever registered in or moved into or out of it. Lists are
 * deliberately over-inclusive: the engine decides from the histories what holds on a date and at a moment.
 * <p>
 * After an event's writes, the schools whose figures it may change get a new {@code version} ({@link SchoolVersions}),
 * which is what lets {@link CoverageQueries} cache per school without ever serving a stale answer.
 */
@Component
public class CoverageStore {

    static final String SCHOOLS = "coverage_schools";
    static final String PUPILS = "coverage_pupils";
    static final String ENCOUNTERS = "coverage_encounters";
    static final String HUBS = "coverage_hubs";

    static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /**
     * Ids per {@code $in} find. The embedded server checks each document it finds against the whole {@code $in} list,
     * so one find of n ids costs n x n comparisons: 40,000 pupils took seconds. Batches keep it linear; on a real
     * server they only add round trips.
     */
    static final int IN_BATCH = 250;

    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> pupils;
    private final MongoCollection<Document> encounters;
    private final MongoCollection<Document> hubs;
    private final SchoolVersions versions;

    CoverageStore(MongoDatabase database) {
        this.schools = database.getCollection(SCHOOLS);
        this.pupils = database.getCollection(PUPILS);
        this.encounters = database.getCollection(ENCOUNTERS);
        this.hubs = database.getCollection(HUBS);
        this.versions = new SchoolVersions(schools, pupils, encounters);
    }

    /**
     * Keeps the event if coverage uses it. Index entries are written before the history entry: should a write fail,
     * the redelivery writes both again, and meanwhile a reader finds at worst an id with no facts, which the engine
     * treats as not yet known.
     *
     * @return whether the event is one coverage keeps
     */
    boolean record(ReceivedEvent<?> received) {
        switch (received.event()) {
            case SchoolRegistered e -> {
                addTo(hubs, e.hubId(), "schools", e.schoolId());
                keep(schools, e.schoolId(), received);
            }
            case SchoolMovedHub e -> {
                addTo(hubs, e.previousHubId(), "schools", e.schoolId());
                addTo(hubs, e.hubId(), "schools", e.schoolId());
                keep(schools, e.schoolId(), received);
            }
            case PupilEnrolled e -> pupilFact(e.pupilId(), e.schoolId(), received);
            case PupilDetailsChanged e -> pupilFact(e.pupilId(), e.schoolId(), received);
            case PupilLeft e -> pupilFact(e.pupilId(), e.schoolId(), received);
            case EncounterRecorded e -> encounterFact(e.encounterId(), e.schoolId(), e.attendees(), received);
            case AttendanceCorrected e -> encounterFact(e.encounterId(), e.schoolId(), e.attendees(), received);
            case EncounterWithdrawn e -> encounterFact(e.encounterId(), e.schoolId(), List.of(), received);
            case MeaningfulnessOverridden e when e.benchmark() != null ->
                    encounterFact(e.encounterId(), e.schoolId(), List.of(), received);
            default -> {
                return false;
            }
        }
        versions.bump(List.of(received.event()));
        return true;
    }

    /** Whether any school was ever registered in or moved through the hub. */
    public boolean hubKnown(String hubId) {
        return hubs.find(new Document("_id", hubId)).first() != null;
    }

    /** The schools ever registered in or moved through the hub; empty when there are none. */
    Optional<List<String>> schoolsOfHub(String hubId) {
        return Optional.ofNullable(hubs.find(new Document("_id", hubId)).first()).map(hub -> strings(hub, "schools"));
    }

    /** The current version of each school that has one ({@link SchoolVersions}). */
    Map<String, ObjectId> versions(Collection<String> schoolIds) {
        return versions.of(schoolIds);
    }

    /** The facts about the hub's schools (present and past), their pupils and the encounters of either. */
    public Facts hub(String hubId) {
        Document hub = hubs.find(new Document("_id", hubId)).first();
        return hub == null ? new CoverageFold().facts() : schools(strings(hub, "schools"));
    }

    /** The facts about a school, its pupils, and every encounter of the school or attended by one of its pupils. */
    public Facts school(String schoolId) {
        return schools(List.of(schoolId));
    }

    /** The facts about a pupil, the schools whose rolls named them, and the encounters whose registers did. */
    public Facts pupil(String pupilId) {
        CoverageFold fold = new CoverageFold();
        Document pupil = pupils.find(new Document("_id", pupilId)).first();
        if (pupil != null) {
            fold(fold, List.of(pupil));
            fold(fold, byIds(schools, strings(pupil, "schools")));
            fold(fold, byIds(encounters, strings(pupil, "encounters")));
        }
        return fold.facts();
    }

    public Facts encounter(String encounterId) {
        CoverageFold fold = new CoverageFold();
        fold(fold, byIds(encounters, List.of(encounterId)));
        return fold.facts();
    }

    private Facts schools(Collection<String> schoolIds) {
        CoverageFold fold = new CoverageFold();
        List<Document> schoolDocs = byIds(schools, schoolIds);
        Set<String> pupilIds = new LinkedHashSet<>();
        Set<String> encounterIds = new LinkedHashSet<>();
        schoolDocs.forEach(s -> {
            pupilIds.addAll(strings(s, "pupils"));
            encounterIds.addAll(strings(s, "encounters"));
        });
        List<Document> pupilDocs = byIds(pupils, pupilIds);
        // Pupil ids are per school roll, so these normally add nothing; they keep the load complete should a
        // register ever name another school's pupil, at the price of one more $in.
        Set<String> otherSchools = new LinkedHashSet<>();
        pupilDocs.forEach(p -> {
            encounterIds.addAll(strings(p, "encounters"));
            otherSchools.addAll(strings(p, "schools"));
        });
        otherSchools.removeAll(schoolIds);
        fold(fold, schoolDocs);
        fold(fold, byIds(schools, otherSchools));
        fold(fold, pupilDocs);
        fold(fold, byIds(encounters, encounterIds));
        return fold.facts();
    }

    private void pupilFact(String pupilId, String schoolId, ReceivedEvent<?> received) {
        addTo(schools, schoolId, "pupils", pupilId);
        addTo(pupils, pupilId, "schools", schoolId);
        keep(pupils, pupilId, received);
    }

    private void encounterFact(String encounterId, String schoolId, List<String> attendees,
                               ReceivedEvent<?> received) {
        addTo(schools, schoolId, "encounters", encounterId);
        if (!attendees.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (String pupilId : new LinkedHashSet<>(attendees)) {
                writes.add(new UpdateOneModel<>(new Document("_id", pupilId), addToSet("encounters", encounterId),
                        UPSERT));
            }
            pupils.bulkWrite(writes);
        }
        keep(encounters, encounterId, received);
    }

    private static void addTo(MongoCollection<Document> collection, String id, String field, String value) {
        if (id != null) {
            collection.updateOne(new Document("_id", id), addToSet(field, value), UPSERT);
        }
    }

    private static void keep(MongoCollection<Document> collection, String id, ReceivedEvent<?> received) {
        Stamp stamp = Stamp.of(received);
        Document stored = new Document("eventId", stamp.eventId())
                .append("aggregateId", stamp.aggregateId())
                .append("sequence", stamp.sequence())
                .append("recordedAt", stamp.recordedAt().toString())
                .append("type", received.type().typeName())
                .append("json", EventJson.MAPPER.writeValueAsString(received.event()));
        collection.updateOne(new Document("_id", id), set("history." + key(stamp.eventId()), stored), UPSERT);
    }

    /** Event ids are not ours to trust as field names (dots, dollars): base64url is a safe, injective spelling. */
    static String key(String eventId) {
        return "e" + Base64.getUrlEncoder().withoutPadding().encodeToString(eventId.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        return byIds(collection, ids, null);
    }

    /** The documents with those ids, in {@link #IN_BATCH}es; only the projected fields when one is given. */
    static List<Document> byIds(MongoCollection<Document> collection, Collection<String> ids, Bson projection) {
        List<String> all = List.copyOf(ids);
        List<Document> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += IN_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + IN_BATCH));
            collection.find(new Document("_id", new Document("$in", batch))).projection(projection).into(found);
        }
        return found;
    }

    static List<String> strings(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    private static void fold(CoverageFold fold, List<Document> documents) {
        for (Document document : documents) {
            Document history = document.get("history", Document.class);
            if (history == null) {
                continue;
            }
            for (Object value : history.values()) {
                Document stored = (Document) value;
                Optional<EventType<?>> type = IntegrationEvents.REGISTRY.byTypeName(stored.getString("type"));
                if (type.isEmpty()) {
                    continue; // written by a newer reader; this one cannot use it
                }
                IntegrationEvent event = EventJson.MAPPER.readValue(stored.getString("json"), type.get().type());
                fold.apply(new Stamp(stored.getString("eventId"), stored.getString("aggregateId"),
                        stored.get("sequence", Number.class).longValue(),
                        Instant.parse(stored.getString("recordedAt"))), event);
            }
        }
    }
}
