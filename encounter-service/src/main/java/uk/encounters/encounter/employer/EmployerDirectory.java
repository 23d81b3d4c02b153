package uk.encounters.encounter.employer;

import java.util.Optional;
import uk.encounters.contracts.encounter.EmployerSize;

/** What other features may know about an employer: enough to check it exists and to report by sector and size. */
public interface EmployerDirectory {

    Optional<EmployerProfile> find(String employerId);

    record EmployerProfile(String employerId, String name, String sector, EmployerSize size) {
    }
}
