package uk.encounters.school.shoutout;

/** Everything that happens to a shout-out, as stored in this service's event store. */
public sealed interface ShoutOutEvent permits ShoutOutPosted {

    String shoutOutId();
}
