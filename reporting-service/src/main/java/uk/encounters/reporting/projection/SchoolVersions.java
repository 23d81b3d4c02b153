package uk.encounters.reporting.projection;

import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import uk.encounters.contracts.IntegrationEvent;
import uk.encounters.contracts.encounter.AttendanceCorrected;
import uk.encounters.contracts.encounter.EncounterRecorded;
import uk.encounters.contracts.encounter.EncounterWithdrawn;
import uk.encounters.contracts.encounter.MeaningfulnessOverridden;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolMovedHub;
import uk.encounters.contracts.school.SchoolRegistered;

/**
 * A version per school, kept on its coverage document, that changes whenever something its figures are computed from
 * changes, so a cache keyed by it is never stale and costs one small read to check (in any service instance: the
 * version lives in MongoDB).
 * <p>
 * A school's figures are computed from its own history, the pupils its roll ever named and every encounter of the
 * school or on one of those pupils' registers. So an event about a school touches that school; about a pupil, every
 * school whose roll named the pupil; about an encounter, its school and the schools of every pupil any of its
 * registers named (to find them after a withdrawal or an override, which name nobody, the encounter's document keeps
 * the union of its registers). The platform's own services only ever name a school's own pupils, so in practice this
 * is one school; the wider reach keeps a stray register exact too.
 * <p>
 * Ordering is what makes it safe without transactions: the bump comes after the event's writes, and who is touched is
 * read after them too. A reader that sees a new version therefore sees the event; a writer that adds a pupil or school
 * to a list after another writer read that list bumps again itself, after both writes. A version is a fresh
 * {@link ObjectId}, not a counter, so a rebuilt (emptied and refilled) collection never repeats one a cache has seen.
 */
final class SchoolVersions {

    static final String FIELD = "version";
    /** On an encounter's document: every pupil any of its registers named. */
    static final String REGISTERED = "registered";

    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> pupils;
    private final MongoCollection<Document> encounters;

    SchoolVersions(MongoCollection<Document> schools, MongoCollection<Document> pupils,
                   MongoCollection<Document> encounters) {
        this.schools = schools;
        this.pupils = pupils;
        this.encounters = encounters;
    }

    /** Call after the events' own writes are done; takes a batch so a batched writer can bump once per batch. */
    void bump(List<? extends IntegrationEvent> events) {
        Set<String> touched = new LinkedHashSet<>();
        Set<String> pupilIds = new LinkedHashSet<>();
        Map<String, Set<String>> registers = new LinkedHashMap<>();
        for (IntegrationEvent event : events) {
            switch (event) {
                case SchoolRegistered e -> touched.add(e.schoolId());
                case SchoolMovedHub e -> touched.add(e.schoolId());
                case PupilEnrolled e -> pupil(e.schoolId(), e.pupilId(), touched, pupilIds);
                case PupilDetailsChanged e -> pupil(e.schoolId(), e.pupilId(), touched, pupilIds);
                case PupilLeft e -> pupil(e.schoolId(), e.pupilId(), touched, pupilIds);
                case EncounterRecorded e -> encounter(e.schoolId(), e.encounterId(), e.attendees(), touched,
                        registers);
                case AttendanceCorrected e -> encounter(e.schoolId(), e.encounterId(), e.attendees(), touched,
                        registers);
                case EncounterWithdrawn e -> encounter(e.schoolId(), e.encounterId(), List.of(), touched, registers);
                case MeaningfulnessOverridden e -> encounter(e.schoolId(), e.encounterId(), List.of(), touched,
                        registers);
                default -> {
                }
            }
        }
        List<WriteModel<Document>> additions = new ArrayList<>();
        registers.forEach((encounterId, attendees) -> {
            if (!attendees.isEmpty()) {
                additions.add(new UpdateOneModel<>(new Document("_id", encounterId),
                        addEachToSet(REGISTERED, List.copyOf(attendees)), CoverageStore.UPSERT));
            }
        });
        if (!additions.isEmpty()) {
            encounters.bulkWrite(additions);
        }
        for (Document encounter : CoverageStore.byIds(encounters, registers.keySet(), include(REGISTERED))) {
            pupilIds.addAll(CoverageStore.strings(encounter, REGISTERED));
        }
        for (Document pupil : CoverageStore.byIds(pupils, pupilIds, include("schools"))) {
            touched.addAll(CoverageStore.strings(pupil, "schools"));
        }
        touched.remove(null);
        if (!touched.isEmpty()) {
            schools.updateMany(new Document("_id", new Document("$in", List.copyOf(touched))),
                    set(FIELD, new ObjectId()));
        }
    }

    /** The versions of those schools that have one; a school missing here has no coverage document yet. */
    static Map<String, ObjectId> of(MongoCollection<Document> schools, Collection<String> schoolIds) {
        Map<String, ObjectId> versions = new HashMap<>();
        for (Document school : CoverageStore.byIds(schools, schoolIds, include(FIELD))) {
            ObjectId version = school.getObjectId(FIELD);
            if (version != null) {
                versions.put(school.getString("_id"), version);
            }
        }
        return versions;
    }

    private static void pupil(String schoolId, String pupilId, Set<String> touched, Set<String> pupilIds) {
        touched.add(schoolId);
        pupilIds.add(pupilId);
    }

    private static void encounter(String schoolId, String encounterId, List<String> attendees, Set<String> touched,
                                  Map<String, Set<String>> registers) {
        touched.add(schoolId);
        registers.computeIfAbsent(encounterId, id -> new LinkedHashSet<>()).addAll(attendees);
    }
}
