package uk.encounters.school.institution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import uk.encounters.contracts.school.SchoolType;

/** Reads a hub's schools (a projection: it follows registrations and hub moves by milliseconds). */
@Component
public class SchoolDirectory {

    /** How a hub's list sorts: by name as people read it, then by id so equal names keep one order. */
    private static final Comparator<SchoolInHub> ORDER = Comparator.comparing(SchoolInHub::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(SchoolInHub::name).thenComparing(SchoolInHub::schoolId);

    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> hubSchools;

    SchoolDirectory(MongoDatabase database) {
        this.schools = database.getCollection(SchoolDirectoryProjection.SCHOOLS);
        this.hubSchools = database.getCollection(SchoolDirectoryProjection.HUB_SCHOOLS);
    }

    public record SchoolInHub(String schoolId, String urn, String name, SchoolType type, List<Integer> yearGroups) {
    }

    /** The hub's schools now, by name (case-insensitive), then id; empty for a hub without any. */
    public List<SchoolInHub> schoolsOf(String hubId) {
        Document hub = hubSchools.find(new Document("_id", hubId)).first();
        List<String> ids = hub == null ? List.of() : hub.getList("schoolIds", String.class, List.of());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<SchoolInHub> list = new ArrayList<>();
        schools.find(new Document("_id", new Document("$in", ids))).forEach(d -> {
            if (hubId.equals(d.getString("hubId"))) {
                list.add(new SchoolInHub(d.getString("_id"), d.getString("urn"), d.getString("name"),
                        SchoolType.valueOf(d.getString("type")), d.getList("yearGroups", Integer.class)));
            }
        });
        list.sort(ORDER);
        return list;
    }
}
