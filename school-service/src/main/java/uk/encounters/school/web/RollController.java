package uk.encounters.school.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.school.roll.RollQueries;
import uk.encounters.school.roll.RollQueries.RollPupil;
import uk.encounters.school.roll.RollReconciled;
import uk.encounters.school.roll.RollUploads;

/** The pupil roll: uploaded whole as a CSV export, read back joined with the pupils' personal data. */
@RestController
class RollController {

    private final RollUploads uploads;
    private final RollQueries queries;
    private final Access access;

    RollController(RollUploads uploads, RollQueries queries, Access access) {
        this.uploads = uploads;
        this.queries = queries;
        this.access = access;
    }

    /** Spreadsheet programs and browsers label CSV files several ways; the body is checked as UTF-8 CSV anyway. */
    @PutMapping(path = "/api/v1/schools/{schoolId}/roll",
            consumes = {"text/csv", "text/plain", "application/csv", "application/vnd.ms-excel",
                    "application/octet-stream"})
    RollReconciled upload(@PathVariable String schoolId, @RequestParam(required = false) String academicYear,
                          @RequestBody(required = false) byte[] csv) {
        access.staffOf(schoolId);
        return uploads.upload(schoolId, academicYear, csv);
    }

    @Operation(summary = "The school's roll, with the pupils' personal data",
            description = "For the school's careers leader only. Sorted by year group, surname, forename, then pupil"
                    + " id. Pupils whose leaving date has come are left out unless includeLeavers=true; then they"
                    + " are listed with onRoll false and their leavingDate. academicYear defaults to the roll's"
                    + " current year; yearGroup (7 to 13) keeps one year group.")
    @GetMapping("/api/v1/schools/{schoolId}/pupils")
    List<RollPupil> pupils(@PathVariable String schoolId, @RequestParam(required = false) String academicYear,
                           @RequestParam(defaultValue = "false") boolean includeLeavers,
                           @RequestParam(required = false) Integer yearGroup) {
        access.staffOf(schoolId);
        return queries.pupils(schoolId, academicYear, includeLeavers, yearGroup);
    }
}
