package uk.encounters.reporting.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.platform.web.ProblemException;
import uk.encounters.reporting.projection.CoverageGenerations;
import uk.encounters.reporting.projection.ProjectionStatus;

/**
 * Rebuilding the coverage projection from the retained topics while the current one keeps answering; platform
 * administrators only.
 */
@RestController
class ProjectionAdminController {

    private static final String COVERAGE = "/api/v1/admin/projections/coverage";

    private final CoverageGenerations coverage;
    private final Access access;

    ProjectionAdminController(CoverageGenerations coverage, Access access) {
        this.coverage = coverage;
        this.access = access;
    }

    @GetMapping(COVERAGE)
    ProjectionStatus coverage() {
        access.administrator();
        return coverage.status();
    }

    /** 202: the build runs in the background and the status shows its progress; it switches over by itself. */
    @PostMapping(COVERAGE + "/rebuild")
    ResponseEntity<ProjectionStatus> rebuildCoverage() {
        access.administrator();
        if (!coverage.rebuild()) {
            ProjectionStatus.Generation building = coverage.status().building();
            throw ProblemException.conflict("A rebuild of the coverage projection is already running"
                    + (building == null ? "" : " (generation " + building.generation() + ", started "
                            + building.startedAt() + ")")
                    + "; GET " + COVERAGE + " shows its progress.");
        }
        return ResponseEntity.accepted().location(URI.create(COVERAGE)).body(coverage.status());
    }
}
