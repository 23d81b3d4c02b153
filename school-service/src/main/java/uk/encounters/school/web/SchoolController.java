package uk.encounters.school.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.school.institution.RegisterSchool;
import uk.encounters.school.hub.Hubs;
import uk.encounters.school.institution.SchoolRegistration;
import uk.encounters.school.institution.Schools;
import uk.encounters.school.institution.Schools.CurrentSchool;
import uk.encounters.school.roll.RollQueries;
import uk.encounters.school.roll.RollQueries.RollSummary;

@RestController
@RequestMapping("/api/v1/schools")
class SchoolController {

    private final SchoolRegistration registration;
    private final Schools schools;
    private final Hubs hubs;
    private final RollQueries rolls;
    private final Clock clock;
    private final Access access;

    SchoolController(SchoolRegistration registration, Schools schools, Hubs hubs, RollQueries rolls, Clock clock,
                     Access access) {
        this.registration = registration;
        this.schools = schools;
        this.hubs = hubs;
        this.rolls = rolls;
        this.clock = clock;
        this.access = access;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SchoolCreated register(@Valid @RequestBody NewSchool request) {
        access.registerSchoolIn(request.hubId());
        String schoolId = Ids.orNew(request.schoolId());
        registration.register(new RegisterSchool(schoolId, request.urn(), request.name(), request.type(),
                request.hubId(), request.yearGroups(), clock.instant()));
        return new SchoolCreated(schoolId);
    }

    @Operation(summary = "The school: its hub, the year groups it teaches, and its roll's year and size",
            description = "For the school's careers leader and its hub's coordinator (no pupil data in it)."
                    + " rollAcademicYear is the year of the roll as it stands (the latest upload's, moved on by the"
                    + " 1 September rollover), null before the first upload; pupilsOnRoll counts that roll's pupils"
                    + " whose leaving date has not come, as the roll lists them.")
    @GetMapping("/{schoolId}")
    SchoolRecord get(@PathVariable String schoolId) {
        access.readSchool(schoolId);
        CurrentSchool school = schools.find(schoolId).orElseThrow(() -> Access.noSchool(schoolId));
        RollSummary roll = rolls.summary(schoolId);
        return new SchoolRecord(school.schoolId(), school.urn(), school.name(), school.type(), school.hubId(),
                hubs.name(school.hubId()).orElse(null), List.copyOf(school.yearGroups()), roll.academicYear(),
                roll.pupilsOnRoll());
    }

    record NewSchool(@Size(max = 64) String schoolId,
                     @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be the 6-digit URN") String urn,
                     @NotBlank @Size(max = 200) String name,
                     @NotNull SchoolType type,
                     @NotBlank String hubId,
                     Set<Integer> yearGroups) {
    }

    record SchoolCreated(String schoolId) {
    }

    record SchoolRecord(String schoolId, String urn, String name, SchoolType type, String hubId, String hubName,
                        List<Integer> yearGroups, String rollAcademicYear, int pupilsOnRoll) {
    }
}
