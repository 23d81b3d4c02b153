package uk.encounters.portal.api;

import java.net.URI;
import uk.encounters.portal.PortalProperties;

/** The platform's services the portal calls. */
public enum Backend {
    IDENTITY, SCHOOL, ENCOUNTER, REPORTING;

    URI baseUrl(PortalProperties properties) {
        return switch (this) {
            case IDENTITY -> properties.identityForPortal();
            case SCHOOL -> properties.school();
            case ENCOUNTER -> properties.encounter();
            case REPORTING -> properties.reporting();
        };
    }
}
