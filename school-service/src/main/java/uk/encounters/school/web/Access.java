package uk.encounters.school.web;

import static uk.encounters.platform.security.Role.CAREERS_LEADER;
import static uk.encounters.platform.security.Role.HUB_COORDINATOR;
import static uk.encounters.platform.security.Role.PLATFORM_ADMIN;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.platform.security.Caller;
import uk.encounters.platform.security.Callers;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.institution.SchoolMovedHub;
import uk.encounters.school.institution.SchoolRegistered;
import uk.encounters.school.shoutout.ShoutOutPosted;

/**
 * Who may do what in school-service (docs/access.md), checked at the top of every controller method before anything
 * is read or changed. A wrong role is a 403 that names roles only. A resource of another tenant is a 404 worded
 * exactly as for an id that does not exist, and decided without first asking whether it exists, so neither the
 * status nor the words tell an outsider anything. Tenancy comes from this service's own event store: a school's
 * stream says which hub it is in now, a shout-out's first event which school posted it.
 */
@Component
class Access {

    private final EventStore eventStore;

    Access(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void platformAdmin() {
        Callers.withRole(PLATFORM_ADMIN);
    }

    /** Admins register schools anywhere; a coordinator only in their own hub (another is named like a missing one). */
    void registerSchoolIn(String hubId) {
        Caller caller = Callers.withRole(PLATFORM_ADMIN, HUB_COORDINATOR);
        if (caller.is(HUB_COORDINATOR) && !caller.actsFor(HUB_COORDINATOR, hubId)) {
            throw ProblemException.unprocessable("hubId", "There is no hub with id " + hubId + ".");
        }
    }

    /** The roll, the pupils and posting shout-outs: the school's own careers leader only. */
    void staffOf(String schoolId) {
        if (!Callers.withRole(CAREERS_LEADER).actsFor(CAREERS_LEADER, schoolId)) {
            throw noSchool(schoolId);
        }
    }

    /** A school's shout-outs (no pupil data in them): its careers leader, or the coordinator of its hub today. */
    void readShoutOutsOf(String schoolId) {
        Caller caller = Callers.withRole(CAREERS_LEADER, HUB_COORDINATOR);
        boolean allowed = caller.is(CAREERS_LEADER)
                ? caller.actsFor(CAREERS_LEADER, schoolId)
                : currentHub(schoolId).filter(hubId -> caller.actsFor(HUB_COORDINATOR, hubId)).isPresent();
        if (!allowed) {
            throw noSchool(schoolId);
        }
    }

    /** Editing, withdrawing and answering offers: the careers leader of the school that posted the shout-out. */
    void staffOfShoutOut(String shoutOutId) {
        Caller caller = Callers.withRole(CAREERS_LEADER);
        if (postedBy(shoutOutId).filter(schoolId -> caller.actsFor(CAREERS_LEADER, schoolId)).isEmpty()) {
            throw ProblemException.notFound("There is no shout-out with id " + shoutOutId + ".");
        }
    }

    /** The same words as the roll's "no such school", so a refusal reads like a missing school. */
    private static ProblemException noSchool(String schoolId) {
        return ProblemException.notFound("There is no school with id " + schoolId + ".");
    }

    /** A school's stream holds its registration and hub moves only, so reading it whole stays small. */
    private Optional<String> currentHub(String schoolId) {
        DomainEventStream stream = eventStore.readEvents(schoolId);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof SchoolRegistered registered)) {
            return Optional.empty();
        }
        String hubId = registered.hubId();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof SchoolMovedHub moved) {
                hubId = moved.hubId();
            }
        }
        return Optional.of(hubId);
    }

    private Optional<String> postedBy(String shoutOutId) {
        DomainEventStream stream = eventStore.readEvents(shoutOutId);
        return stream.hasNext() && stream.next().getPayload() instanceof ShoutOutPosted posted
                ? Optional.of(posted.schoolId()) : Optional.empty();
    }
}
