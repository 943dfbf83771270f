package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole-document replacement by {@code _id} ({@code replaceOne}): the document becomes its {@code _id} followed by
 * the replacement's fields, in the replacement's order, as MongoDB stores it. The general path deep-copies the stored
 * document and the replacement and compares them, a fifth of the analytics stand-in's processor time under live load
 * (its ticket and customer states are replaced whole). A replacement naming another {@code _id}, or with field names
 * the general path refuses (a {@code $} prefix, a dot), is left to the general path, which reports the error.
 */
final class DirectReplacement implements DirectChange {

    private final Document replacement;
    private final String idField;

    private DirectReplacement(Document replacement, String idField) {
        this.replacement = replacement;
        this.idField = idField;
    }

    /** An update without operators: a replacement. */
    static boolean isReplacement(Document update) {
        return !update.isEmpty() && update.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    static Optional<DirectReplacement> of(Document update, String idField) {
        if (!isReplacement(update) || update.keySet().stream().anyMatch(key -> key.contains("."))) {
            return Optional.empty();
        }
        return Optional.of(new DirectReplacement(update, idField));
    }

    @Override
    public Optional<Document> applyTo(Document stored, boolean inserting) {
        Object id = stored.get(idField);
        Object replacementId = replacement.get(idField);
        if (id == null || replacementId != null
                && (replacementId.getClass() != id.getClass() || !replacementId.equals(id))) {
            return Optional.empty();
        }
        Document replaced = new Document(idField, id);
        replacement.forEach((field, value) -> {
            if (!field.equals(idField)) {
                replaced.put(field, value);
            }
        });
        return Optional.of(!inserting && replaced.equals(stored) ? stored : replaced);
    }

    /**
     * The general path counts a replacement as modifying only when the documents differ with numbers compared by value
     * (0 and 0L are the same), though it stores the replacement either way.
     */
    @Override
    public boolean countsAsModified(Document stored, Document replaced) {
        return !sameValues(stored, replaced);
    }

    private static boolean sameValues(Object a, Object b) {
        if (Missing.isNullOrMissing(a) || Missing.isNullOrMissing(b)) {
            return Missing.isNullOrMissing(a) && Missing.isNullOrMissing(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Objects.equals(byValue(x), byValue(y));
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!new ArrayList<>(x.keySet()).equals(new ArrayList<>(y.keySet()))) {
                return false;
            }
            return x.entrySet().stream().allMatch(field -> sameValues(field.getValue(), y.get(field.getKey())));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValues(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** A number as the general path compares it: as a double, unless a long a double cannot hold. */
    private static Object byValue(Number number) {
        if (number instanceof Long value && value != (long) value.doubleValue()) {
            return value;
        }
        double value = number.doubleValue();
        return value == -0.0 ? 0.0 : value;
    }
}
