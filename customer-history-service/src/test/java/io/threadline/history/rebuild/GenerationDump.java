package io.threadline.history.rebuild;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every document of every collection of one copy of the read model ({@code g<n>_…}), keyed so that two copies built
 * from the same events compare document by document. Left out, because they legitimately differ between copies:
 * <ul>
 *   <li>{@code v} of every state document: its optimistic version counts writes (redeliveries, retries), not content;</li>
 *   <li>{@code recordedAt} of an entry: when this copy stored it.</li>
 * </ul>
 * Everything else is compared, the {@code _id} of every entry included (it is made from the event alone); entries
 * are listed by their entry id (the event's), so a difference names the event. A value stored as JSON (an entry, a
 * history head) is compared as the document it reads as.
 */
record GenerationDump(SortedMap<String, SortedMap<String, Document>> collections) {

    static final String VERSION = "v";
    static final String RECORDED_AT = "recordedAt";
    private static final List<String> JSON_FIELDS = List.of("entry", "head");

    static GenerationDump of(MongoDatabase database, int generation) {
        String prefix = "g" + generation + "_";
        SortedMap<String, SortedMap<String, Document>> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String collection = name.substring(prefix.length());
            SortedMap<String, Document> documents = new TreeMap<>();
            for (Document stored : database.getCollection(name).find()) {
                Document doc = new Document(stored);
                doc.remove(VERSION);
                JSON_FIELDS.stream().filter(doc::containsKey)
                        .forEach(field -> doc.put(field, Document.parse(doc.getString(field))));
                String key = doc.getString("_id");
                if ("entries".equals(collection)) {
                    Document entry = doc.get("entry", Document.class);
                    entry.remove(RECORDED_AT);
                    key = entry.getString("entryId");
                }
                documents.put(key, doc);
            }
            collections.put(collection, documents);
        }
        return new GenerationDump(collections);
    }

    int size(String collection) {
        return collections.getOrDefault(collection, new TreeMap<>()).size();
    }

    /** What differs from {@code other}, one line per missing, extra or changed document; empty when equal. */
    List<String> differencesFrom(GenerationDump other) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(collections.keySet());
        names.addAll(other.collections.keySet());
        for (String name : names) {
            Map<String, Document> mine = collections.getOrDefault(name, new TreeMap<>());
            Map<String, Document> theirs = other.collections.getOrDefault(name, new TreeMap<>());
            if (!collections.containsKey(name) || !other.collections.containsKey(name)) {
                differences.add(name + ": collection only in " + (collections.containsKey(name) ? "this" : "the other")
                        + " copy");
            }
            TreeSet<String> ids = new TreeSet<>(mine.keySet());
            ids.addAll(theirs.keySet());
            for (String id : ids) {
                Document a = mine.get(id);
                Document b = theirs.get(id);
                if (a == null) {
                    differences.add(name + "/" + id + ": missing here, there " + b.toJson());
                } else if (b == null) {
                    differences.add(name + "/" + id + ": missing there, here " + a.toJson());
                } else if (!Objects.equals(a, b)) {
                    differences.add(name + "/" + id + ": here " + a.toJson() + " there " + b.toJson());
                }
            }
        }
        return differences;
    }
}
