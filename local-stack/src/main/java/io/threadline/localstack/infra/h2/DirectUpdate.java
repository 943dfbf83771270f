package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One update of the kinds the services send most ({@code $inc}, {@code $max}, {@code $min}, {@code $set},
 * {@code $setOnInsert} on plain field paths), computed the way mongo-java-server's general update path computes it,
 * but without its costs: that path compiles a regular expression for each level of each path, compares every pair
 * of paths and clones the whole document twice, which made it most of the stand-in's processor time under a
 * projection that increments hundreds of counters per document. Anything else (an array or a scalar on the path,
 * conflicting paths, values of other types, numbers of different types where that path would compare them
 * normalized) is left to the general path, which also reports the errors.
 */
final class DirectUpdate implements DirectChange {

    private enum Operator { INC, MAX, MIN, SET, SET_ON_INSERT }

    private static final Map<String, Operator> OPERATORS = Map.of("$inc", Operator.INC, "$max", Operator.MAX,
            "$min", Operator.MIN, "$set", Operator.SET, "$setOnInsert", Operator.SET_ON_INSERT);

    private record Change(Operator operator, String[] path, Object value) {

        String field() {
            return path[path.length - 1];
        }
    }

    /** What {@link #newValue} answers when the field keeps its value, or when the general path has to decide. */
    private static final Object UNCHANGED = new Object();
    private static final Object UNHANDLED = new Object();

    private final List<Change> changes;

    private DirectUpdate(List<Change> changes) {
        this.changes = changes;
    }

    /** The update, when it is one this class computes: only the operators above, on plain, distinct paths. */
    static Optional<DirectUpdate> of(Document update, String idField) {
        if (update.isEmpty()) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (Map.Entry<String, Object> entry : update.entrySet()) {
            Operator operator = OPERATORS.get(entry.getKey());
            if (operator == null || !(entry.getValue() instanceof Document fields) || fields.isEmpty()) {
                return Optional.empty();
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String[] path = plainPath(field.getKey());
                if (path == null || path[0].equals(idField) || !paths.add(field.getKey())
                        || !accepts(operator, field.getValue())) {
                    return Optional.empty();
                }
                changes.add(new Change(operator, path, field.getValue()));
            }
        }
        for (String path : paths) {
            // A path inside another one conflicts with it.
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                if (paths.contains(path.substring(0, dot))) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DirectUpdate(changes));
    }

    /** Changed subdocuments are copies; {@code $setOnInsert} applies only when inserting. */
    @Override
    public Optional<Document> applyTo(Document stored, boolean inserting) {
        Document updated = new Document(stored);
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        copies.add(updated);
        boolean modified = false;
        for (Change change : changes) {
            if (change.operator() == Operator.SET_ON_INSERT && !inserting) {
                continue;
            }
            Document parent = parentOf(updated, change.path(), copies);
            Object old = parent == null ? null : parent.getOrMissing(change.field());
            Object value = parent == null ? UNHANDLED : newValue(change, old);
            if (value == UNHANDLED) {
                return Optional.empty();
            }
            if (value != UNCHANGED) {
                parent.put(change.field(), value);
                modified = true;
            }
        }
        // Each value put differs from the one before (what the general path's document comparison finds).
        return Optional.of(modified ? updated : stored);
    }

    /** The field's value after the change: UNCHANGED, or UNHANDLED when the general path has to decide. */
    private static Object newValue(Change change, Object old) {
        boolean present = !(old instanceof Missing);
        Object value = change.value();
        switch (change.operator()) {
            case INC:
                if (!Missing.isNullOrMissing(old) && !(old instanceof Number)) {
                    return UNHANDLED;
                }
                Number sum = NumericUtils.addNumbers(Missing.isNullOrMissing(old) ? Integer.valueOf(0) : (Number) old,
                        (Number) value);
                return present && sum.equals(old) ? UNCHANGED : sum;
            case MAX:
            case MIN:
                if (!present) {
                    return value;
                }
                if (!(old instanceof Number)) {
                    return UNHANDLED;
                }
                int comparison = ValueComparator.asc().compare(value, old);
                boolean replaces = change.operator() == Operator.MAX ? comparison > 0 : comparison < 0;
                return replaces ? value : UNCHANGED;
            default: // SET, SET_ON_INSERT
                if (present && old instanceof Number && value instanceof Number && !sameExactNumberType(old, value)) {
                    return UNHANDLED;
                }
                return present && Objects.equals(old, value) ? UNCHANGED : value;
        }
    }

    /**
     * The subdocument that holds the path's last field, created where missing and copied where it exists; null when
     * something other than a subdocument lies on the path.
     */
    private static Document parentOf(Document root, String[] path, Set<Document> copies) {
        Document parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = parent.get(path[i]);
            if (child == null) {
                if (parent.containsKey(path[i])) {
                    return null;
                }
                Document created = new Document();
                copies.add(created);
                parent.put(path[i], created);
                parent = created;
            } else if (child instanceof Document existing) {
                if (!copies.contains(existing)) {
                    existing = new Document(existing);
                    copies.add(existing);
                    parent.put(path[i], existing);
                }
                parent = existing;
            } else {
                return null;
            }
        }
        return parent;
    }

    /** The path's fields, or null unless it is a plain dotted path (no empty field, none starting with '$'). */
    private static String[] plainPath(String path) {
        List<String> fields = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String field = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (field.isEmpty() || field.charAt(0) == '$') {
                return null;
            }
            fields.add(field);
            if (dot < 0) {
                return fields.toArray(new String[0]);
            }
            start = dot + 1;
        }
    }

    private static boolean accepts(Operator operator, Object value) {
        switch (operator) {
            case INC:
            case MAX:
            case MIN:
                return value instanceof Number;
            default:
                return !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Map);
        }
    }

    /** Integers and longs compare exactly; other number types the general path compares normalized. */
    private static boolean sameExactNumberType(Object a, Object b) {
        return a.getClass() == b.getClass() && (a instanceof Integer || a instanceof Long);
    }
}
