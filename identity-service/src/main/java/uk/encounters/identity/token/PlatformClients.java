package uk.encounters.identity.token;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import uk.encounters.identity.client.IntegrationClients;

/** The clients the authorization server knows: the portal from configuration, integration clients from MongoDB. */
final class PlatformClients implements RegisteredClientRepository {

    private final RegisteredClient portal;
    private final IntegrationClients integrationClients;

    PlatformClients(RegisteredClient portal, IntegrationClients integrationClients) {
        this.portal = portal;
        this.integrationClients = integrationClients;
    }

    /** Called by the authorization server only to keep a re-encoded secret; the portal has none. */
    @Override
    public void save(RegisteredClient client) {
        if (!portal.getId().equals(client.getId())) {
            integrationClients.updateSecretHash(client);
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return portal.getId().equals(id) ? portal : integrationClients.byId(id).orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return portal.getClientId().equals(clientId) ? portal : integrationClients.byClientId(clientId).orElse(null);
    }
}
