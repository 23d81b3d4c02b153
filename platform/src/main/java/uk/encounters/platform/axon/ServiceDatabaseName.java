package uk.encounters.platform.axon;

import com.mongodb.ConnectionString;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Which database a service owns: {@code spring.mongodb.database}, else the one named in the connection string,
 * else the application name. Services share a server but never a database.
 */
final class ServiceDatabaseName {

    private ServiceDatabaseName() {
    }

    static String resolve(Environment environment, ConnectionString connectionString) {
        String configured = environment.getProperty("spring.mongodb.database");
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        if (connectionString != null && StringUtils.hasText(connectionString.getDatabase())) {
            return connectionString.getDatabase();
        }
        String applicationName = environment.getProperty("spring.application.name");
        if (StringUtils.hasText(applicationName)) {
            return applicationName;
        }
        throw new IllegalStateException("No MongoDB database for this service: set spring.mongodb.database, "
                + "name one in spring.mongodb.uri, or set spring.application.name");
    }
}
