package uk.encounters.platform.eventstore.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service: one aggregate and one projection, wired only by the platform's auto-configuration. */
@SpringBootApplication
class EventStoreTestApplication {
}
