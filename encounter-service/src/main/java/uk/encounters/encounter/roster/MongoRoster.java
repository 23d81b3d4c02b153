package uk.encounters.encounter.roster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

@Component
class MongoRoster implements Roster {

    private final MongoCollection<Document> pupils;

    MongoRoster(MongoDatabase database) {
        this.pupils = database.getCollection(RosterProjection.PUPILS);
    }

    @Override
    public RosterCheck check(String schoolId, LocalDate date, Collection<String> pupilIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(pupilIds));
        Map<String, Document> found = new HashMap<>();
        // One _id $in lookup for the whole register, only ever for this school's keys: indexed on MongoDB and on the
        // embedded server alike, and another school's pupil is simply not found.
        pupils.find(new Document("_id", new Document("$in", ids.stream().map(id -> RosterProjection.key(schoolId, id))
                        .toList())))
                .projection(new Document("stays", 1))
                .forEach(d -> found.put(d.get("_id", Document.class).getString(RosterProjection.PUPIL), d));
        List<String> unseen = new ArrayList<>();
        List<String> notOnRoll = new ArrayList<>();
        for (String id : ids) {
            Document pupil = found.get(id);
            if (pupil == null) {
                unseen.add(id);
            } else if (pupil.getList("stays", Document.class, List.of()).stream()
                    .map(RosterProjection.Stay::from).noneMatch(stay -> stay.covers(date))) {
                notOnRoll.add(id);
            }
        }
        return new RosterCheck(unseen, notOnRoll);
    }
}
