package uk.encounters.contracts.school;

/** A Careers Hub joined the platform. Keyed by hub: nothing else is ordered against it. */
public record HubRegistered(String hubId, String name) implements SchoolEvent {

    public HubRegistered {
        Copies.required(hubId, "hubId");
    }

    @Override
    public String partitionKey() {
        return hubId;
    }
}
