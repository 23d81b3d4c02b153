package uk.encounters.school.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.school.institution.MoveSchoolToHub;
import uk.encounters.school.institution.SchoolHubMoves;

/** A school changes hub by an event (SchoolMovedHub), never by editing its registration. */
@RestController
class SchoolHubController {

    private final SchoolHubMoves moves;
    private final Clock clock;
    private final Access access;

    SchoolHubController(SchoolHubMoves moves, Clock clock, Access access) {
        this.moves = moves;
        this.clock = clock;
        this.access = access;
    }

    /**
     * Idempotent like any PUT: naming the hub the school is in already records nothing. A platform admin's task:
     * it takes the school from one coordinator to another.
     */
    @PutMapping("/api/v1/schools/{schoolId}/hub")
    SchoolInHub move(@PathVariable String schoolId, @Valid @RequestBody NewHub request) {
        access.platformAdmin();
        moves.move(new MoveSchoolToHub(schoolId, request.hubId().strip(), clock.instant()));
        return new SchoolInHub(schoolId, request.hubId().strip());
    }

    record NewHub(@NotBlank String hubId) {
    }

    record SchoolInHub(String schoolId, String hubId) {
    }
}
