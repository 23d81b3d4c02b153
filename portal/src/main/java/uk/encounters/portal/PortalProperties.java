package uk.encounters.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal finds the platform. Sign-in goes to {@code identity} in the browser, so it must be an address the
 * browser can reach; the other three are called by the portal only.
 *
 * @param identityBackchannel where the portal itself reaches identity-service (tokens, keys, accounts) when that is
 *                            not the browser's address, as inside a container network; defaults to {@code identity}
 * @param encounterTopic the topic of encounter-service's integration events (live updates for coordinators)
 */
@ConfigurationProperties("encounters.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") URI identity,
                               @DefaultValue("http://localhost:8081") URI school,
                               @DefaultValue("http://localhost:8082") URI encounter,
                               @DefaultValue("http://localhost:8083") URI reporting,
                               @DefaultValue("encounter.events") String encounterTopic,
                               URI identityBackchannel) {

    /** identity-service as the portal calls it. */
    public URI identityForPortal() {
        return identityBackchannel == null ? identity : identityBackchannel;
    }
}
