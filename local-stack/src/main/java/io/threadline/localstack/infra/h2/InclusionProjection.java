package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A find's projection that only includes fields ({@code {"t.email|NORMAL": 1, …}}, {@code _id} included unless
 * excluded), applied by walking a tree of its paths built once per query. mongo-java-server's general projection
 * splits every path of the projection again for every document, with a regular expression and a stream: with a few
 * hundred fields over a few hundred documents that was a sixth of the analytics stand-in's time in a query, and the
 * slowest part until the JIT had compiled it. The result is the general projection's, field for field and in the same
 * order; a document with an array on a dotted path ({@link #project} gives null) is left to the general projection.
 */
final class InclusionProjection {

    /** One level of the included paths: a leaf includes the field's whole value. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();

        boolean isLeaf() {
            return children.isEmpty();
        }
    }

    private final Node root;
    /** The id field when the projection does not mention it: included first, as the general projection does. */
    private final String implicitId;

    private InclusionProjection(Node root, String implicitId) {
        this.root = root;
        this.implicitId = implicitId;
    }

    /**
     * The projection, or empty when the general projection has to apply it: exclusions, operators ({@code $slice},
     * {@code $elemMatch}, positional {@code $}), paths of which one is a prefix of another (an error there), or no
     * field included but the id.
     */
    static Optional<InclusionProjection> of(Document fields, String idField) {
        if (fields == null || fields.isEmpty() || idField == null) {
            return Optional.empty();
        }
        Node root = new Node();
        boolean includesOtherThanId = false;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Boolean included = inclusion(field.getValue());
            if (included == null) {
                return Optional.empty();
            }
            boolean isId = field.getKey().equals(idField);
            if (!included && !isId) {
                return Optional.empty();
            }
            if (included) {
                if (!add(root, field.getKey())) {
                    return Optional.empty();
                }
                includesOtherThanId |= !isId;
            }
        }
        return includesOtherThanId
                ? Optional.of(new InclusionProjection(root, fields.containsKey(idField) ? null : idField))
                : Optional.empty();
    }

    /** The projected documents, or null when one holds an array on one of the dotted paths. */
    List<Document> projectAll(List<Document> documents) {
        List<Document> projected = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Document result = project(document);
            if (result == null) {
                return null;
            }
            projected.add(result);
        }
        return projected;
    }

    /** The projected document, or null when it holds an array on one of the dotted paths. */
    Document project(Document document) {
        Document projected = new Document();
        if (implicitId != null) {
            projected.put(implicitId, document.get(implicitId));
        }
        return project(root, document, projected) ? projected : null;
    }

    private static boolean project(Node node, Document from, Document into) {
        for (Map.Entry<String, Node> child : node.children.entrySet()) {
            String name = child.getKey();
            Object value = from.get(name);
            if (child.getValue().isLeaf()) {
                if (value != null || from.containsKey(name)) {
                    into.put(name, value);
                }
            } else if (value instanceof Document nested) {
                // As the general projection: the sub-document appears, empty if none of its paths is there.
                Document projected = (Document) into.computeIfAbsent(name, n -> new Document());
                if (!project(child.getValue(), nested, projected)) {
                    return false;
                }
            } else if (value instanceof List<?>) {
                return false;
            }
        }
        return true;
    }

    /** Adds a path; false if it is not a plain one or collides with another (one a prefix of the other). */
    private static boolean add(Node root, String path) {
        String[] parts = path.split("\\.", -1);
        Node node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.startsWith("$")) {
                return false;
            }
            boolean last = i == parts.length - 1;
            Node child = node.children.get(part);
            if (child == null) {
                child = new Node();
                node.children.put(part, child);
            } else if (last || child.isLeaf()) {
                return false;
            }
            node = child;
        }
        return true;
    }

    /** True for an inclusion, false for an exclusion, null for anything else (an operator). */
    private static Boolean inclusion(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0.0;
        }
        return null;
    }
}
