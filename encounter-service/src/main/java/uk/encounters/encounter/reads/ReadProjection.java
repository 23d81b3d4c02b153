package uk.encounters.encounter.reads;

import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.AcademicYears;
import uk.encounters.encounter.employer.EmployerRegistered;
import uk.encounters.encounter.encounter.AttendanceCorrected;
import uk.encounters.encounter.encounter.Encounter;
import uk.encounters.encounter.encounter.EncounterCancelled;
import uk.encounters.encounter.encounter.EncounterRecorded;
import uk.encounters.encounter.encounter.EncounterScheduled;
import uk.encounters.encounter.encounter.EncounterWithdrawn;
import uk.encounters.encounter.offer.EmployerOffered;
import uk.encounters.encounter.offer.Offer;
import uk.encounters.encounter.offer.OfferAccepted;
import uk.encounters.encounter.offer.OfferDeclined;
import uk.encounters.encounter.offer.OfferWithdrawn;
import uk.encounters.platform.messaging.IdempotentUpdates;

/**
 * Writes the lists the portal reads: an employer's offers and encounters, a school's encounters. Every update to an
 * offer's or encounter's document applies at most once per event (guarded by the aggregate sequence), and the
 * parties' id lists grow by {@code $addToSet}, so a replayed or redelivered batch changes nothing. Registers are
 * kept as a count only: pupil ids stay in the event store, where the encounter's own page reads them.
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
class ReadProjection {

    private final IdempotentUpdates offers;
    private final IdempotentUpdates encounters;
    private final IdempotentUpdates employers;
    private final MongoCollection<Document> parties;

    ReadProjection(MongoDatabase database) {
        this.offers = new IdempotentUpdates(database.getCollection(ReadModels.OFFERS));
        this.encounters = new IdempotentUpdates(database.getCollection(ReadModels.ENCOUNTERS));
        this.employers = new IdempotentUpdates(database.getCollection(ReadModels.EMPLOYERS));
        this.parties = database.getCollection(ReadModels.PARTIES);
    }

    @EventHandler
    void on(EmployerRegistered e, @SequenceNumber Long sequence) {
        employers.applyOnce(e.employerId(), e.employerId(), sequence, combine(set("name", e.name()),
                set("sector", e.sector()), set("size", e.size() == null ? null : e.size().name())));
    }

    // --- offers

    @EventHandler
    void on(EmployerOffered e, @SequenceNumber Long sequence) {
        offers.applyOnce(e.offerId(), e.offerId(), sequence, combine(
                set("employerId", e.employerId()),
                set("shoutOutId", e.shoutOutId()),
                set("schoolId", e.schoolId()),
                set("title", e.title()),
                set("activityType", e.activityType() == null ? null : e.activityType().name()),
                set("proposedDate", text(e.proposedDate())),
                set("places", e.places()),
                set("mode", e.mode() == null ? null : e.mode().name()),
                set("message", e.message()),
                set("status", Offer.Status.OPEN.name()),
                set("offeredAt", text(e.offeredAt()))));
        listed(ReadModels.employerParty(e.employerId()), "offerIds", e.offerId());
    }

    @EventHandler
    void on(OfferAccepted e, @SequenceNumber Long sequence) {
        offers.applyOnce(e.offerId(), e.offerId(), sequence, set("status", Offer.Status.ACCEPTED.name()));
    }

    @EventHandler
    void on(OfferDeclined e, @SequenceNumber Long sequence) {
        offers.applyOnce(e.offerId(), e.offerId(), sequence,
                combine(set("status", Offer.Status.DECLINED.name()), set("reason", e.reason())));
    }

    @EventHandler
    void on(OfferWithdrawn e, @SequenceNumber Long sequence) {
        offers.applyOnce(e.offerId(), e.offerId(), sequence,
                combine(set("status", Offer.Status.WITHDRAWN.name()), set("reason", e.reason())));
    }

    // --- encounters

    @EventHandler
    void on(EncounterScheduled e, @SequenceNumber Long sequence) {
        encounters.applyOnce(e.encounterId(), e.encounterId(), sequence, combine(
                parties(e.schoolId(), e.employerId(), e.shoutOutId(), e.offerId()),
                set("activityType", e.activityType() == null ? null : e.activityType().name()),
                set("date", text(e.date())),
                set("academicYear", e.date() == null ? null : AcademicYears.containing(e.date())),
                set("mode", e.mode() == null ? null : e.mode().name()),
                set("location", e.location()),
                set("attendeeCount", 0),
                set("status", Encounter.Status.SCHEDULED.name())));
        listedForBoth(e.encounterId(), e.schoolId(), e.employerId());
    }

    @EventHandler
    void on(EncounterCancelled e, @SequenceNumber Long sequence) {
        encounters.applyOnce(e.encounterId(), e.encounterId(), sequence,
                set("status", Encounter.Status.CANCELLED.name()));
    }

    @EventHandler
    void on(EncounterRecorded e, @SequenceNumber Long sequence) {
        encounters.applyOnce(e.encounterId(), e.encounterId(), sequence, combine(
                parties(e.schoolId(), e.employerId(), e.shoutOutId(), e.offerId()),
                set("sector", e.sector()),
                set("employerSize", e.employerSize() == null ? null : e.employerSize().name()),
                set("activityType", e.activityType().name()),
                set("benchmarks", e.benchmarks().stream().map(Enum::name).toList()),
                set("date", text(e.date())),
                set("academicYear", e.academicYear()),
                set("hours", e.hours().toPlainString()),
                set("mode", e.mode().name()),
                set("location", e.location()),
                set("curriculumArea", e.curriculumArea()),
                set("attendeeCount", e.attendees().size()),
                set("status", Encounter.Status.RECORDED.name())));
        listedForBoth(e.encounterId(), e.schoolId(), e.employerId());
    }

    @EventHandler
    void on(AttendanceCorrected e, @SequenceNumber Long sequence) {
        encounters.applyOnce(e.encounterId(), e.encounterId(), sequence,
                set("attendeeCount", e.attendees().size()));
    }

    @EventHandler
    void on(EncounterWithdrawn e, @SequenceNumber Long sequence) {
        encounters.applyOnce(e.encounterId(), e.encounterId(), sequence,
                set("status", Encounter.Status.WITHDRAWN.name()));
    }

    private static Bson parties(String schoolId, String employerId, String shoutOutId, String offerId) {
        return combine(set("schoolId", schoolId), set("employerId", employerId), set("shoutOutId", shoutOutId),
                set("offerId", offerId));
    }

    private void listedForBoth(String encounterId, String schoolId, String employerId) {
        listed(ReadModels.schoolParty(schoolId), "encounterIds", encounterId);
        listed(ReadModels.employerParty(employerId), "encounterIds", encounterId);
    }

    private void listed(String partyId, String field, String id) {
        parties.updateOne(new Document("_id", partyId), addToSet(field, id), new UpdateOptions().upsert(true));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
