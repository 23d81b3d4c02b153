package uk.encounters.school.roll;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.AcademicYears;

/**
 * The roll's read model: one document per school and academic year ({@code schoolId|2026/27}) holding every pupil
 * of that year's roll by id, and one per school ({@code rolls}) naming its current year. Reading a roll is then
 * two {@code _id} lookups (this and the personal store's {@code $in}), which both MongoDB and the embedded server
 * answer from an index.
 * <p>
 * An upload arrives as one commit of up to thousands of events. Writing each to a document of thousands of pupils
 * would rewrite that document thousands of times, so a batch's changes are gathered and written as one update per
 * document at the end of the batch, still inside handling (as the Kafka outbox does), so the processor stores its
 * token only after the write. Every write sets absolute values, so a batch retried after a failure does no harm.
 */
@Component
@ProcessingGroup(RollView.PROCESSING_GROUP)
class RollView {

    static final String PROCESSING_GROUP = "roll-view";
    private static final String PENDING = RollView.class.getName() + ".pending";

    private final MongoCollection<Document> years;
    private final MongoCollection<Document> rolls;

    RollView(MongoDatabase database) {
        this.years = database.getCollection("roll_years");
        this.rolls = database.getCollection("rolls");
    }

    static String yearId(String schoolId, String academicYear) {
        return schoolId + "|" + academicYear;
    }

    @EventHandler
    void on(PupilEnrolled event) {
        pending().replacePupil(yearId(event.schoolId(), event.academicYear()), event.pupilId(), new Document()
                .append("yearGroup", event.yearGroup())
                .append("admissionDate", string(event.admissionDate()))
                .append("sen", event.sen().name())
                .append("pupilPremium", event.pupilPremium())
                .append("gender", event.gender().name())
                .append("curriculumArea", event.curriculumArea())
                .append("leavingDate", null));
    }

    @EventHandler
    void on(PupilDetailsChanged event) {
        pending().setPupilFields(yearId(event.schoolId(), event.academicYear()), event.pupilId(), new Document()
                .append("yearGroup", event.yearGroup())
                .append("admissionDate", string(event.admissionDate()))
                .append("sen", event.sen().name())
                .append("pupilPremium", event.pupilPremium())
                .append("gender", event.gender().name())
                .append("curriculumArea", event.curriculumArea()));
    }

    @EventHandler
    void on(PupilLeft event) {
        pending().setPupilFields(yearId(event.schoolId(), event.academicYear()), event.pupilId(),
                new Document("leavingDate", string(event.leavingDate())));
    }

    /** Same rule as the aggregate: pupils still on roll at the end of the previous year move up one year group. */
    @EventHandler
    void on(AcademicYearStarted event) {
        writePending();
        String id = yearId(event.schoolId(), event.academicYear());
        Document pupils = new Document();
        if (event.previousAcademicYear() != null) {
            LocalDate endOfPrevious = AcademicYears.lastDay(event.previousAcademicYear());
            Document previous = years.find(new Document("_id", yearId(event.schoolId(), event.previousAcademicYear())))
                    .first();
            Document previousPupils = previous == null ? new Document() : previous.get("pupils", new Document());
            previousPupils.forEach((pupilId, value) -> {
                Document pupil = (Document) value;
                String leaving = pupil.getString("leavingDate");
                if (leaving == null || LocalDate.parse(leaving).isAfter(endOfPrevious)) {
                    pupils.put(pupilId, new Document(pupil).append("yearGroup", pupil.getInteger("yearGroup") + 1));
                }
            });
        }
        years.replaceOne(new Document("_id", id), new Document("_id", id).append("schoolId", event.schoolId())
                .append("academicYear", event.academicYear()).append("pupils", pupils), new ReplaceOptions().upsert(true));
        rolls.updateOne(new Document("_id", event.schoolId()),
                new Document("$set", new Document("academicYear", event.academicYear())),
                new UpdateOptions().upsert(true));
    }

    /** The academic year the school's roll is in, once it has one. */
    Optional<String> currentAcademicYear(String schoolId) {
        return Optional.ofNullable(rolls.find(new Document("_id", schoolId)).first())
                .map(roll -> roll.getString("academicYear"));
    }

    /** The pupils of the school's roll in that year, by pupil id; empty if there is none. */
    Map<String, Document> pupils(String schoolId, String academicYear) {
        Document year = years.find(new Document("_id", yearId(schoolId, academicYear))).first();
        Map<String, Document> pupils = new LinkedHashMap<>();
        if (year != null) {
            year.get("pupils", new Document()).forEach((id, pupil) -> pupils.put(id, (Document) pupil));
        }
        return pupils;
    }

    /** Every school with a roll and its current academic year: what the rollover job walks. */
    Map<String, String> rollsByAcademicYear() {
        Map<String, String> all = new LinkedHashMap<>();
        rolls.find().forEach(roll -> all.put(roll.getString("_id"), roll.getString("academicYear")));
        return all;
    }

    MessageHandlerInterceptor<EventMessage<?>> writeAtEndOfBatch() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                writePending(unitOfWork.root());
            }
            return result;
        };
    }

    private PendingWrites pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("Roll view events are handled in a unit of work");
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> new PendingWrites());
    }

    private void writePending() {
        if (CurrentUnitOfWork.isStarted()) {
            writePending(CurrentUnitOfWork.get().root());
        }
    }

    private void writePending(UnitOfWork<?> root) {
        PendingWrites pending = root.getResource(PENDING);
        if (pending == null) {
            return;
        }
        root.resources().remove(PENDING);
        pending.updates().forEach((id, set) -> years.updateOne(new Document("_id", id), new Document("$set", set),
                new UpdateOptions().upsert(true)));
    }

    private static String string(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Per document, per pupil: either a whole new pupil entry, or fields to set on the stored one. */
    private static final class PendingWrites {
        private final Map<String, Map<String, Document>> wholes = new LinkedHashMap<>();
        private final Map<String, Map<String, Document>> fields = new LinkedHashMap<>();

        void replacePupil(String yearId, String pupilId, Document pupil) {
            wholes.computeIfAbsent(yearId, k -> new LinkedHashMap<>()).put(pupilId, pupil);
            Map<String, Document> partial = fields.get(yearId);
            if (partial != null) {
                partial.remove(pupilId);
            }
        }

        void setPupilFields(String yearId, String pupilId, Document values) {
            Document whole = wholes.getOrDefault(yearId, Map.of()).get(pupilId);
            if (whole != null) {
                whole.putAll(values);
            } else {
                fields.computeIfAbsent(yearId, k -> new LinkedHashMap<>())
                        .computeIfAbsent(pupilId, k -> new Document()).putAll(values);
            }
        }

        /** One {@code $set} per document; paths never overlap, because a pupil is either whole or by field. */
        Map<String, Document> updates() {
            Map<String, Document> updates = new LinkedHashMap<>();
            wholes.forEach((yearId, pupils) -> pupils.forEach((pupilId, pupil) ->
                    updates.computeIfAbsent(yearId, k -> new Document()).append("pupils." + pupilId, pupil)));
            fields.forEach((yearId, pupils) -> pupils.forEach((pupilId, values) -> values.forEach((field, value) ->
                    updates.computeIfAbsent(yearId, k -> new Document())
                            .append("pupils." + pupilId + "." + field, value))));
            return updates;
        }
    }
}
