package uk.encounters.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The four collections of one generation of the coverage projection: {@code coverage_g<N>_schools}, {@code _pupils},
 * {@code _encounters} and {@code _hubs}. A rebuild fills a new generation while the serving one answers, so a
 * generation's collections are written by its own consumer group only and dropped whole once retired.
 */
record CoverageCollections(MongoCollection<Document> schools, MongoCollection<Document> pupils,
                           MongoCollection<Document> encounters, MongoCollection<Document> hubs) {

    /** Also matches the unsuffixed names of the single projection before generations, read as generation 0. */
    private static final Pattern NAME = Pattern.compile("coverage_(?:g(\\d+)_)?(?:schools|pupils|encounters|hubs)");

    static CoverageCollections of(MongoDatabase database, long generation) {
        return new CoverageCollections(
                database.getCollection(name(generation, "schools")),
                database.getCollection(name(generation, "pupils")),
                database.getCollection(name(generation, "encounters")),
                database.getCollection(name(generation, "hubs")));
    }

    private static String name(long generation, String kind) {
        return "coverage_g" + generation + "_" + kind;
    }

    /** The generation a collection of this projection belongs to, if the name is one of ours. */
    static OptionalLong generationOf(String collectionName) {
        Matcher matcher = NAME.matcher(collectionName);
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1)));
    }
}
