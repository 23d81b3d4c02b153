package uk.encounters.encounter.roster;

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
import uk.encounters.contracts.school.PupilEnrolled;
import uk.encounters.contracts.school.PupilLeft;
import uk.encounters.contracts.school.SchoolEvent;
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
 * A school's pupil events share its partition, so one listener thread sees a document's events in order and the
 * read-then-write below has no competitor; {@link IdempotentUpdates} makes a redelivery change nothing. The listener
 * and collection were renamed when the key gained the school: a new consumer group reads school.events from the
 * start, so an existing installation builds the new view by itself (the old {@code roster_pupils} can be dropped).
 */
@Component
class RosterProjection {

    static final String PUPILS = "roster_school_pupils";
    static final String SCHOOL = "schoolId";
    static final String PUPIL = "pupilId";
    private static final Logger log = LoggerFactory.getLogger(RosterProjection.class);

    private final MongoCollection<Document> pupils;
    private final IdempotentUpdates updates;

    RosterProjection(MongoDatabase database) {
        this.pupils = database.getCollection(PUPILS);
        this.updates = new IdempotentUpdates(pupils);
    }

    @KafkaListener(id = "encounter-school-roster", topics = "${encounters.topics.school:school.events}")
    void on(ReceivedEvent<?> received) {
        if (!(received.event() instanceof SchoolEvent event)) {
            return;
        }
        switch (event) {
            case PupilEnrolled e -> enrolled(received, e);
            case PupilLeft e -> left(received, e);
            default -> {
                // not about who is on roll (year group and attributes do not decide it)
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

    /** The document's key: a pupil as one school's roll knows them. */
    static Document key(String schoolId, String pupilId) {
        return new Document(SCHOOL, schoolId).append(PUPIL, pupilId);
    }

    private List<Stay> staysOf(String pupilId, String schoolId) {
        Document doc = pupils.find(new Document("_id", key(schoolId, pupilId))).first();
        List<Stay> stays = new ArrayList<>();
        if (doc != null) {
            for (Document s : doc.getList("stays", Document.class, List.of())) {
                stays.add(Stay.from(s));
            }
        }
        return stays;
    }

    private void write(ReceivedEvent<?> received, String pupilId, String schoolId, List<Stay> stays) {
        updates.applyOnce(key(schoolId, pupilId), received,
                set("stays", stays.stream().map(Stay::toDocument).toList()));
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
