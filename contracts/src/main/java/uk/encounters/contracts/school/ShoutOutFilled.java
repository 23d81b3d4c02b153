package uk.encounters.contracts.school;

import java.util.List;

/** Accepted offers now cover every place; the shout-out leaves the board. */
public record ShoutOutFilled(String shoutOutId, String schoolId, List<String> acceptedOfferIds)
        implements SchoolEvent {

    public ShoutOutFilled {
        Copies.required(shoutOutId, "shoutOutId");
        Copies.required(schoolId, "schoolId");
        acceptedOfferIds = Copies.list(acceptedOfferIds);
    }

    @Override
    public String partitionKey() {
        return schoolId;
    }
}
