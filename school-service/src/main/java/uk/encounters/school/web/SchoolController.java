package uk.encounters.school.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.encounters.contracts.school.SchoolType;
import uk.encounters.school.institution.RegisterSchool;
import uk.encounters.school.institution.SchoolRegistration;

@RestController
@RequestMapping("/api/v1/schools")
class SchoolController {

    private final SchoolRegistration registration;
    private final Clock clock;
    private final Access access;

    SchoolController(SchoolRegistration registration, Clock clock, Access access) {
        this.registration = registration;
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

    record NewSchool(@Size(max = 64) String schoolId,
                     @NotBlank @Pattern(regexp = "[1-9][0-9]{5}", message = "must be the 6-digit URN") String urn,
                     @NotBlank @Size(max = 200) String name,
                     @NotNull SchoolType type,
                     @NotBlank String hubId,
                     Set<Integer> yearGroups) {
    }

    record SchoolCreated(String schoolId) {
    }
}
