package uk.encounters.encounter.employer;

import java.util.Optional;
import uk.encounters.contracts.encounter.EmployerSize;

/**
 * What other features may know about an employer: enough to check it exists, to report by sector and size, and to
 * show the employer its own registration.
 */
public interface EmployerDirectory {

    Optional<EmployerProfile> find(String employerId);

    record EmployerProfile(String employerId, String name, String sector, EmployerSize size, String postcode) {
    }
}
