package uk.encounters.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.UUID;
import org.axonframework.serialization.json.JacksonSerializer;
import uk.encounters.infra.Infrastructure;

/** MongoDB for the event-store tests: the shared test infrastructure, one fresh database per test class. */
public final class TestMongo {

    private static MongoClient client;

    private TestMongo() {
    }

    public static String uri() {
        return Infrastructure.forTests().mongoUri();
    }

    public static synchronized MongoClient client() {
        if (client == null) {
            client = MongoClients.create(uri());
        }
        return client;
    }

    /** A database no other test class uses, so classes can run in any order against a shared server. */
    public static String uniqueDatabaseName(Class<?> testClass) {
        return testClass.getSimpleName().toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static MongoDatabase freshDatabase(Class<?> testClass) {
        return client().getDatabase(uniqueDatabaseName(testClass));
    }

    /** The serializer the platform configures for Axon: Jackson 2 with Java time, dates as ISO strings. */
    public static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    static MongoEventStorageEngine.Builder engine(MongoDatabase database) {
        JacksonSerializer serializer = serializer();
        return MongoEventStorageEngine.builder()
                                      .database(database)
                                      .eventSerializer(serializer)
                                      .snapshotSerializer(serializer);
    }
}
