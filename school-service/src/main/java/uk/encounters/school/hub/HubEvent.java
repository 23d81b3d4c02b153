package uk.encounters.school.hub;

/** Everything that happens to a Careers Hub, as stored in this service's event store. */
public sealed interface HubEvent permits HubRegistered {

    String hubId();
}
