package uk.encounters.launcher.demo;

import uk.encounters.contracts.encounter.EmployerSize;

/**
 * An employer in the hub's area.
 *
 * @param engagement how readily it volunteers, relative to the others (a few employers do much of the work)
 */
public record EmployerPlan(String employerId, String name, String sector, EmployerSize size, String postcode,
                           double engagement) {
}
