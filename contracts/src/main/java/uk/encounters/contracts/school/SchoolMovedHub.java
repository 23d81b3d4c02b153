package uk.encounters.contracts.school;

/** A school left one Careers Hub for another; hub figures count it in its new hub from then on. */
public record SchoolMovedHub(String schoolId, String previousHubId, String hubId) implements SchoolEvent {

    public SchoolMovedHub {
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
