package uk.encounters.encounter.roster;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.PupilDetailsChanged;
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolEvent;
import uk.encounters.platform.messaging.IdempotentUpdates;
import uk.encounters.platform.messaging.ReceivedEvent;

/**
 * Who is on which school's roll when, from school-service's pupil events. One document per pupil, keyed by the
 * opaque pupil id, so a whole register is checked with one {@code _id $in} lookup. It keeps only what the check
 * needs: the school and each stay (admission, leaving) at it, so a pupil who left and came back is on roll in both
 * stays and not in between. Attributes for coverage breakdowns are reporting-service's business, not kept here.
 * <p>
 * A school's pupil events share its partition, so one listener thread sees a pupil's events in order and the
 * read-then-write below has no competitor; {@link IdempotentUpdates} makes a redelivery change nothing.
 */
@Component
class RosterProjection {

    static final String PUPILS = "roster_pupils";
    private static final Logger log = LoggerFactory.getLogger(RosterProjection.class);

    private final MongoCollection<Document> pupils;
    private final IdempotentUpdates updates;

    RosterProjection(MongoDatabase database) {
        this.pupils = database.getCollection(PUPILS);
        this.updates = new IdempotentUpdates(pupils);
    }

    @KafkaListener(id = "encounter-roster", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        if (!(received.event() instanceof SchoolEvent event)) {
            return;
        }
        switch (event) {
            case PupilEnrolled e -> enrolled(received, e);
            case PupilLeft e -> left(received, e);
            // Year group and attributes do not decide whether a pupil is on roll; only remember the school.
            case PupilDetailsChanged e -> updates.applyOnce(e.pupilId(), received, set("schoolId", e.schoolId()));
            default -> {
                // not about who is on roll
            }
        }
    }

    private void enrolled(ReceivedEvent<?> received, PupilEnrolled e) {
        List<Stay> stays = staysOf(e.pupilId(), e.schoolId());
        // Each academic year's roll enrols its pupils again with the same admission date: that is the same stay.
        if (stays.stream().noneMatch(s -> e.admissionDate() != null && e.admissionDate().equals(s.admitted()))) {
            stays.add(new Stay(e.admissionDate(), null));
        }
        write(received, e.pupilId(), e.schoolId(), stays);
    }

    private void left(ReceivedEvent<?> received, PupilLeft e) {
        List<Stay> stays = staysOf(e.pupilId(), e.schoolId());
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
        write(received, e.pupilId(), e.schoolId(), stays);
    }

    private List<Stay> staysOf(String pupilId, String schoolId) {
        Document doc = pupils.find(new Document("_id", pupilId)).first();
        List<Stay> stays = new ArrayList<>();
        // Stays at another school are another roll's business (ids are per school in practice; be safe anyway).
        if (doc != null && schoolId.equals(doc.getString("schoolId"))) {
            for (Document s : doc.getList("stays", Document.class, List.of())) {
                stays.add(Stay.from(s));
            }
        }
        return stays;
    }

    private void write(ReceivedEvent<?> received, String pupilId, String schoolId, List<Stay> stays) {
        updates.applyOnce(pupilId, received, combine(set("schoolId", schoolId),
                set("stays", stays.stream().map(Stay::toDocument).toList())));
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
}
