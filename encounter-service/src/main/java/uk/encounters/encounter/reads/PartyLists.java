package uk.encounters.encounter.reads;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Reads a party's list in two {@code _id} lookups, the party's document for the ids and then the documents of
 * those ids, so a school's or employer's page never scans a collection (which the embedded MongoDB would).
 */
@Component
class PartyLists {

    private final MongoDatabase database;
    private final MongoCollection<Document> parties;

    PartyLists(MongoDatabase database) {
        this.database = database;
        this.parties = database.getCollection(ReadModels.PARTIES);
    }

    /** The documents of {@code collection} whose ids the party's document lists under {@code field}. */
    List<Document> of(String partyId, String field, String collection) {
        Document party = parties.find(new Document("_id", partyId)).first();
        List<String> ids = party == null ? List.of() : party.getList(field, String.class, List.of());
        return ids.isEmpty() ? List.of() : byIds(collection, ids);
    }

    List<Document> byIds(String collection, Collection<String> ids) {
        return database.getCollection(collection).find(new Document("_id", new Document("$in", List.copyOf(ids))))
                .into(new ArrayList<>());
    }
}
