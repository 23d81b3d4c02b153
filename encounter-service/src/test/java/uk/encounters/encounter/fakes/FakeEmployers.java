package uk.encounters.encounter.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.contracts.encounter.EmployerSize;
import uk.encounters.encounter.employer.EmployerDirectory;

/** An in-memory employer directory for fixture tests. */
public class FakeEmployers implements EmployerDirectory {

    private final Map<String, EmployerProfile> employers = new HashMap<>();

    public FakeEmployers with(String employerId, String sector, EmployerSize size) {
        employers.put(employerId, new EmployerProfile(employerId, "Employer " + employerId, sector, size, "TS17 6AB"));
        return this;
    }

    @Override
    public Optional<EmployerProfile> find(String employerId) {
        return Optional.ofNullable(employerId == null ? null : employers.get(employerId));
    }
}
