package uk.encounters.encounter.web;

import static uk.encounters.platform.security.Role.CAREERS_LEADER;
import static uk.encounters.platform.security.Role.EMPLOYER;
import static uk.encounters.platform.security.Role.HUB_COORDINATOR;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.encounter.CancelledBy;
import uk.encounters.encounter.encounter.EncounterRecorded;
import uk.encounters.encounter.encounter.EncounterScheduled;
import uk.encounters.encounter.offer.OfferDirectory;
import uk.encounters.platform.security.Caller;
import uk.encounters.platform.security.Callers;
import uk.encounters.platform.web.ProblemException;

/**
 * Who may do what in encounter-service (docs/access.md), checked at the top of every controller method before anything
 * is read or changed. A wrong role is a 403 naming roles only. Another tenant's offer or encounter is a 404 worded as
 * for an id that does not exist; another tenant named in a request body is refused as an unknown one would be. The
 * tenancy comes from this service's own event store: an offer's and an encounter's first event name their parties.
 */
@Component
public class Access {

    private final EventStore eventStore;
    private final OfferDirectory offers;

    Access(EventStore eventStore, OfferDirectory offers) {
        this.eventStore = eventStore;
        this.offers = offers;
    }

    /** An employer account registers the employer it acts for; returns that id (the token's tenant). */
    String employerRegistering(String requestedId) {
        Caller caller = Callers.withRole(EMPLOYER);
        if (requestedId != null && !requestedId.isBlank() && !caller.actsFor(EMPLOYER, requestedId.strip())) {
            throw ProblemException.unprocessable("employerId", "Your account registers its own employer, "
                    + caller.tenantId() + "; leave employerId out or give that id.");
        }
        return caller.tenantId();
    }

    /** The board carries no pupil data: every role that takes part in encounters may browse it. */
    public void browseBoard() {
        Callers.withRole(EMPLOYER, CAREERS_LEADER, HUB_COORDINATOR);
    }

    /** An employer offers in its own name; returns the employer id (the token's tenant where the body names none). */
    String offeringEmployer(String requestedId) {
        Caller caller = Callers.withRole(EMPLOYER);
        if (requestedId == null || requestedId.isBlank()) {
            return caller.tenantId();
        }
        if (!caller.actsFor(EMPLOYER, requestedId.strip())) {
            throw ProblemException.unprocessable("employerId", "There is no employer with id " + requestedId + ".");
        }
        return requestedId.strip();
    }

    /**
     * An own activity's offer id, when the employer chooses it: new, in the employer's namespace
     * ({@code <employerId>:<key>}, as for encounter ids below). Any other id gets one answer, so an employer cannot
     * learn which offer ids other employers hold (offers on shout-outs have ids derived from shout-out and employer).
     */
    void offerIdOfEmployer(String offerId) {
        String employerId = Callers.withRole(EMPLOYER).tenantId();
        if (!inNamespace(offerId, employerId)) {
            throw ProblemException.unprocessable("offerId", "A chosen offerId is written " + employerId
                    + ":<your key> (a key without colons); leave offerId out and the service chooses one.");
        }
    }

    /** Withdrawing an offer: the employer that made it. */
    void offerOwner(String offerId) {
        Caller caller = Callers.withRole(EMPLOYER);
        if (offers.find(offerId).filter(offer -> caller.actsFor(EMPLOYER, offer.employerId())).isEmpty()) {
            throw ProblemException.notFound("There is no offer with id " + offerId + ".");
        }
    }

    /** An employer reads its own registration, offers and encounters; another employer's are "not there". */
    void employerItself(String employerId) {
        Caller caller = Callers.withRole(EMPLOYER);
        if (!caller.actsFor(EMPLOYER, employerId)) {
            throw ProblemException.notFound("There is no employer with id " + employerId + ".");
        }
    }

    /** A careers leader reads their own school's encounters; coordinators read figures from reporting-service. */
    void schoolItself(String schoolId) {
        Caller caller = Callers.withRole(CAREERS_LEADER);
        if (!caller.actsFor(CAREERS_LEADER, schoolId)) {
            throw ProblemException.notFound("There is no school with id " + schoolId + ".");
        }
    }

    /** Reading one encounter: which of its parties the caller is. Anyone else is told it does not exist. */
    Party encounterReader(String encounterId) {
        Caller caller = Callers.withRole(CAREERS_LEADER, EMPLOYER);
        Optional<Parties> parties = parties(encounterId);
        if (parties.filter(p -> caller.actsFor(CAREERS_LEADER, p.schoolId())).isPresent()) {
            return Party.SCHOOL;
        }
        if (parties.filter(p -> caller.actsFor(EMPLOYER, p.employerId())).isPresent()) {
            return Party.EMPLOYER;
        }
        throw noEncounter(encounterId);
    }

    /** The two parties to an offer or encounter; a school sees its pupils, an employer never does. */
    enum Party { SCHOOL, EMPLOYER }

    /** A careers leader records for their own school; returns that school id (the tenant where the body names none). */
    String recordingSchool(String requestedId) {
        Caller caller = Callers.withRole(CAREERS_LEADER);
        if (requestedId == null || requestedId.isBlank()) {
            return caller.tenantId();
        }
        if (!caller.actsFor(CAREERS_LEADER, requestedId.strip())) {
            throw ProblemException.unprocessable("schoolId", "There is no school with id " + requestedId + ".");
        }
        return requestedId.strip();
    }

    /**
     * An encounter id a recording chooses itself: one of the caller's school's encounters (a scheduled one is
     * completed, a recorded one refused by the aggregate), or a new id in the school's namespace, {@code <schoolId>:<key>}
     * with no colon in the key. The school id is thus everything before an id's last colon, so no id is in two
     * schools' namespaces and no school can create one in another's. Anything else, another school's encounter
     * included, gets the one answer of a malformed id: whether another school holds an id is never told.
     */
    void encounterIdOfSchool(String encounterId) {
        String schoolId = Callers.current().tenantId();
        Optional<Parties> parties = parties(encounterId);
        boolean ours = parties.isPresent() ? parties.get().schoolId().equals(schoolId)
                : inNamespace(encounterId, schoolId);
        if (!ours) {
            throw ProblemException.unprocessable("encounterId", "A chosen encounterId is one of your school's "
                    + "encounters, or new and written " + schoolId + ":<your key> (a key without colons); leave "
                    + "encounterId out and the service chooses one.");
        }
    }

    /** Whether an id is {@code <tenantId>:<key>}: the tenant is everything before the last colon. */
    private static boolean inNamespace(String id, String tenantId) {
        int colon = id.lastIndexOf(':');
        return colon > 0 && colon < id.length() - 1 && id.substring(0, colon).equals(tenantId);
    }

    /** Corrections, withdrawal and overrides: the careers leader of the encounter's school. */
    void schoolOf(String encounterId) {
        Caller caller = Callers.withRole(CAREERS_LEADER);
        if (parties(encounterId).filter(p -> caller.actsFor(CAREERS_LEADER, p.schoolId())).isEmpty()) {
            throw noEncounter(encounterId);
        }
    }

    /**
     * Either party cancels a scheduled encounter, as itself: returns who cancelled ({@code cancelledBy} may be left
     * out; a school cannot cancel as the employer, nor the employer as the school).
     */
    CancelledBy cancelling(String encounterId, CancelledBy cancelledBy) {
        Caller caller = Callers.withRole(CAREERS_LEADER, EMPLOYER);
        Optional<Parties> parties = parties(encounterId);
        boolean party = parties.filter(p -> caller.actsFor(CAREERS_LEADER, p.schoolId())
                || caller.actsFor(EMPLOYER, p.employerId())).isPresent();
        if (!party) {
            throw noEncounter(encounterId);
        }
        CancelledBy self = caller.is(EMPLOYER) ? CancelledBy.EMPLOYER : CancelledBy.SCHOOL;
        if (cancelledBy != null && cancelledBy != self) {
            throw ProblemException.unprocessable("cancelledBy", "You cancel as the " + self.name().toLowerCase()
                    + ": cancelledBy is " + self + ".");
        }
        return self;
    }

    private static ProblemException noEncounter(String encounterId) {
        return ProblemException.notFound("There is no encounter with id " + encounterId + ".");
    }

    /** An encounter's stream starts with its scheduling or, when recorded directly, its recording. */
    private Optional<Parties> parties(String encounterId) {
        if (encounterId == null || encounterId.isBlank()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(encounterId);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        return switch (stream.next().getPayload()) {
            case EncounterScheduled e -> Optional.of(new Parties(e.schoolId(), e.employerId()));
            case EncounterRecorded e -> Optional.of(new Parties(e.schoolId(), e.employerId()));
            default -> Optional.empty();
        };
    }

    private record Parties(String schoolId, String employerId) {
    }
}
