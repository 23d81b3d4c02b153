package uk.encounters.contracts.school;

/** The school no longer wants the support it asked for; open offers on it lapse. */
public record ShoutOutWithdrawn(String shoutOutId, String schoolId, String reason) implements SchoolEvent {

    public ShoutOutWithdrawn {
        Copies.required(shoutOutId, "shoutOutId");
        Copies.required(schoolId, "schoolId");
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
