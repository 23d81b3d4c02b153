package uk.encounters.reporting.web;

import static uk.encounters.platform.security.Role.CAREERS_LEADER;
import static uk.encounters.platform.security.Role.EMPLOYER;
import static uk.encounters.platform.security.Role.HUB_COORDINATOR;
import static uk.encounters.platform.security.Role.PLATFORM_ADMIN;

import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.encounters.platform.security.Caller;
import uk.encounters.platform.security.Callers;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.reporting.coverage.Facts;
import uk.encounters.reporting.projection.CoverageStore;

/**
 * Who may read what in reporting-service (docs/access.md), checked at the top of every controller method. A wrong
 * role is a 403 naming roles only; another tenant's hub, school, pupil or encounter is a 404 worded exactly as for
 * one never heard of. Tenancy comes from this service's own projections: a school's hub as its events say now, the
 * schools whose rolls named a pupil, an encounter's school and employer as recorded.
 */
@Component
public class Access {

    private final CoverageStore store;

    Access(CoverageStore store) {
        this.store = store;
    }

    /** Running the platform's projections (rebuilds): administrators only. */
    void administrator() {
        Callers.withRole(PLATFORM_ADMIN);
    }

    /** A hub's figures and unmet demand: its coordinator. */
    public void coordinatorOf(String hubId) {
        if (!Callers.withRole(HUB_COORDINATOR).actsFor(HUB_COORDINATOR, hubId)) {
            throw unknownHub(hubId);
        }
    }

    /**
     * A school's figures: its careers leader, or the coordinator of its hub today.
     *
     * @return whether the reader may see the school's pupils (at-risk ids): its own staff only
     */
    boolean schoolFigures(String schoolId) {
        Caller caller = Callers.withRole(CAREERS_LEADER, HUB_COORDINATOR);
        if (caller.actsFor(CAREERS_LEADER, schoolId)) {
            return true;
        }
        if (caller.is(HUB_COORDINATOR)
                && store.currentHub(schoolId).filter(hub -> caller.actsFor(HUB_COORDINATOR, hub)).isPresent()) {
            return false;
        }
        throw unknownSchool(schoolId);
    }

    /** Named pupils (at-risk lists, evidence): the school's own careers leader only. */
    void staffOf(String schoolId) {
        if (!Callers.withRole(CAREERS_LEADER).actsFor(CAREERS_LEADER, schoolId)) {
            throw unknownSchool(schoolId);
        }
    }

    /** One pupil's coverage: the careers leader of a school whose roll named them. */
    void staffOfPupil(String pupilId) {
        Caller caller = Callers.withRole(CAREERS_LEADER);
        if (store.schoolsOfPupil(pupilId).stream().noneMatch(school -> caller.actsFor(CAREERS_LEADER, school))) {
            throw unknownPupil(pupilId);
        }
    }

    /**
     * An encounter's checklist (no pupil data in it): the school's careers leader or the employer.
     *
     * @return whether the reader is the school's staff, who may see which of its accounts recorded what
     */
    boolean partyTo(String encounterId) {
        Caller caller = Callers.withRole(CAREERS_LEADER, EMPLOYER);
        Optional<Facts.Recorded> recorded = Optional.ofNullable(store.encounter(encounterId).encounters()
                        .get(encounterId)).stream()
                .flatMap(facts -> facts.history().values().stream())
                .filter(Facts.Recorded.class::isInstance).map(Facts.Recorded.class::cast)
                .findFirst();
        if (recorded.filter(r -> caller.actsFor(CAREERS_LEADER, r.schoolId())).isPresent()) {
            return true;
        }
        if (recorded.filter(r -> caller.actsFor(EMPLOYER, r.employerId())).isPresent()) {
            return false;
        }
        throw unknownEncounter(encounterId);
    }

    static ProblemException unknownHub(String hubId) {
        return ProblemException.notFound("No school has been registered in hub " + hubId + ".");
    }

    static ProblemException unknownSchool(String schoolId) {
        return ProblemException.notFound("No school " + schoolId + " has been registered.");
    }

    static ProblemException unknownPupil(String pupilId) {
        return ProblemException.notFound("No roll has named pupil " + pupilId + ".");
    }

    static ProblemException unknownEncounter(String encounterId) {
        return ProblemException.notFound("No encounter " + encounterId + " has been recorded.");
    }
}
