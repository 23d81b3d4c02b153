package uk.encounters.launcher.demo;

import java.net.URI;

/** Where the three services answer, e.g. {@code http://localhost:8081}. */
public record DemoTarget(URI school, URI encounter, URI reporting) {

    URI baseUrl(DemoApi.Service service) {
        return switch (service) {
            case SCHOOL -> school;
            case ENCOUNTER -> encounter;
            case REPORTING -> reporting;
        };
    }
}
