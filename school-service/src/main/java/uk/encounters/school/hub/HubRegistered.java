package uk.encounters.school.hub;

import java.time.Instant;

public record HubRegistered(String hubId, String name, Instant registeredAt) implements HubEvent {
}
