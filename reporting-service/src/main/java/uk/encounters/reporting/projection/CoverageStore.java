package uk.encounters.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
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
import uk.encounters.platform.messaging.EventJson;
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
 * {@link CoverageWriter} writes the documents; reads use the collections of the generation that serves
 * ({@link CoverageGenerations}), so a rebuild can fill fresh collections meanwhile. After an event's writes, the schools
 * whose figures it may change get a new {@code version} ({@link SchoolVersions}), which is what lets
 * {@link CoverageQueries} cache per school without ever serving a stale answer.
 */
@Component
public class CoverageStore {

    static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /**
     * Ids per {@code $in} find. The embedded server checks each document it finds against the whole {@code $in} list,
     * so one find of n ids costs n x n comparisons: 40,000 pupils took seconds. Batches keep it linear; on a real
     * server they only add round trips.
     */
    static final int IN_BATCH = 250;

    private final MongoDatabase database;
    private final ProjectionPointer pointer;

    CoverageStore(MongoDatabase database) {
        this.database = database;
        this.pointer = new ProjectionPointer(database, CoverageGenerations.PROJECTION);
    }

    /**
     * The serving generation's collections. The pointer is read per request (one {@code _id} lookup) rather than
     * cached, so every instance reads the new generation as soon as one switches over.
     */
    private CoverageCollections serving() {
        return CoverageCollections.of(database, pointer.read().serving());
    }

    /** The schools ever registered in or moved through the hub; empty when there are none. */
    Optional<List<String>> schoolsOfHub(String hubId) {
        return Optional.ofNullable(serving().hubs().find(new Document("_id", hubId)).first())
                .map(hub -> strings(hub, "schools"));
    }

    /** The current version of each school that has one ({@link SchoolVersions}). */
    Map<String, ObjectId> versions(Collection<String> schoolIds) {
        return SchoolVersions.of(serving().schools(), schoolIds);
    }

    /** The facts about the hub's schools (present and past), their pupils and the encounters of either. */
    public Facts hub(String hubId) {
        CoverageCollections coverage = serving();
        Document hub = coverage.hubs().find(new Document("_id", hubId)).first();
        return hub == null ? new CoverageFold().facts() : schools(coverage, strings(hub, "schools"));
    }

    /** The facts about a school, its pupils, and every encounter of the school or attended by one of its pupils. */
    public Facts school(String schoolId) {
        return schools(serving(), List.of(schoolId));
    }

    /** The facts about a pupil, the schools whose rolls named them, and the encounters whose registers did. */
    public Facts pupil(String pupilId) {
        CoverageCollections coverage = serving();
        CoverageFold fold = new CoverageFold();
        Document pupil = coverage.pupils().find(new Document("_id", pupilId)).first();
        if (pupil != null) {
            fold(fold, List.of(pupil));
            fold(fold, byIds(coverage.schools(), strings(pupil, "schools")));
            fold(fold, byIds(coverage.encounters(), strings(pupil, "encounters")));
        }
        return fold.facts();
    }

    /** The hub the school is in now, as its registration and moves say; empty for a school never registered. */
    public Optional<String> currentHub(String schoolId) {
        CoverageFold fold = new CoverageFold();
        fold(fold, byIds(serving().schools(), List.of(schoolId)));
        Facts.SchoolFacts school = fold.facts().schools().get(schoolId);
        if (school == null || school.history().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (school.history().get(school.history().lastKey())) {
            case Facts.Registered registered -> registered.hubId();
            case Facts.MovedHub moved -> moved.hubId();
        });
    }

    /** The schools whose rolls have named the pupil (pupil ids are per school roll, so one in practice). */
    public List<String> schoolsOfPupil(String pupilId) {
        Document pupil = serving().pupils().find(new Document("_id", pupilId)).first();
        return pupil == null ? List.of() : strings(pupil, "schools");
    }

    public Facts encounter(String encounterId) {
        CoverageFold fold = new CoverageFold();
        fold(fold, byIds(serving().encounters(), List.of(encounterId)));
        return fold.facts();
    }

    private static Facts schools(CoverageCollections coverage, Collection<String> schoolIds) {
        CoverageFold fold = new CoverageFold();
        List<Document> schoolDocs = byIds(coverage.schools(), schoolIds);
        Set<String> pupilIds = new LinkedHashSet<>();
        Set<String> encounterIds = new LinkedHashSet<>();
        schoolDocs.forEach(s -> {
            pupilIds.addAll(strings(s, "pupils"));
            encounterIds.addAll(strings(s, "encounters"));
        });
        List<Document> pupilDocs = byIds(coverage.pupils(), pupilIds);
        // Pupil ids are per school roll, so these normally add nothing; they keep the load complete should a
        // register ever name another school's pupil, at the price of one more $in.
        Set<String> otherSchools = new LinkedHashSet<>();
        pupilDocs.forEach(p -> {
            encounterIds.addAll(strings(p, "encounters"));
            otherSchools.addAll(strings(p, "schools"));
        });
        otherSchools.removeAll(schoolIds);
        fold(fold, schoolDocs);
        fold(fold, byIds(coverage.schools(), otherSchools));
        fold(fold, pupilDocs);
        fold(fold, byIds(coverage.encounters(), encounterIds));
        return fold.facts();
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
                        Instant.parse(stored.getString("recordedAt")), stored.getString("recordedBy")), event);
            }
        }
    }
}
