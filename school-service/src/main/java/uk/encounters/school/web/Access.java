package uk.encounters.school.web;

import static uk.encounters.platform.security.Role.CAREERS_LEADER;
import static uk.encounters.platform.security.Role.HUB_COORDINATOR;
import static uk.encounters.platform.security.Role.PLATFORM_ADMIN;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import uk.encounters.platform.security.Caller;
import uk.encounters.platform.security.Callers;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.school.institution.Schools;
import uk.encounters.school.institution.Schools.CurrentSchool;
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
    private final Schools schools;

    Access(EventStore eventStore, Schools schools) {
        this.eventStore = eventStore;
        this.schools = schools;
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

    /**
     * A hub and its list of schools (names and URNs, no pupil data): the hub's coordinator, or an admin, who manages
     * hubs.
     */
    void readHub(String hubId) {
        Caller caller = Callers.withRole(PLATFORM_ADMIN, HUB_COORDINATOR);
        if (caller.is(HUB_COORDINATOR) && !caller.actsFor(HUB_COORDINATOR, hubId)) {
            throw noHub(hubId);
        }
    }

    /**
     * A school's record and its shout-outs (no pupil data in either): its careers leader, or the coordinator of its
     * hub today. Not admins: they manage hubs and accounts, not schools' data.
     */
    void readSchool(String schoolId) {
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
            throw noShoutOut(shoutOutId);
        }
    }

    /**
     * The words for a school, hub or shout-out that does not exist, used by the refusals above and by the controllers
     * for ids that are not there, so that a refusal and a missing resource read the same.
     */
    static ProblemException noSchool(String schoolId) {
        return ProblemException.notFound("There is no school with id " + schoolId + ".");
    }

    static ProblemException noHub(String hubId) {
        return ProblemException.notFound("There is no hub with id " + hubId + ".");
    }

    static ProblemException noShoutOut(String shoutOutId) {
        return ProblemException.notFound("There is no shout-out with id " + shoutOutId + ".");
    }

    private Optional<String> currentHub(String schoolId) {
        return schools.find(schoolId).map(CurrentSchool::hubId);
    }

    private Optional<String> postedBy(String shoutOutId) {
        DomainEventStream stream = eventStore.readEvents(shoutOutId);
        return stream.hasNext() && stream.next().getPayload() instanceof ShoutOutPosted posted
                ? Optional.of(posted.schoolId()) : Optional.empty();
    }
}
