package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * A find's documents, still to be sent, with what bounds their encoded sizes for {@link ReplyBatches}: the stored
 * document each one was read from (a projection that only includes fields is no larger than it), sized through the
 * collection's {@link StoredSizes}; or, where the stored one is not known, the document itself.
 */
final class ReplyDocuments {

    private final List<Document> documents;
    /** Index for index the stored documents, or null when not known. */
    private final List<Document> stored;
    private final StoredSizes sizes;
    private final String idField;

    private ReplyDocuments(List<Document> documents, List<Document> stored, StoredSizes sizes, String idField) {
        this.documents = documents;
        this.stored = stored;
        this.sizes = sizes;
        this.idField = idField;
    }

    /** Documents sized themselves. */
    static ReplyDocuments of(List<Document> documents) {
        return new ReplyDocuments(documents, null, null, null);
    }

    /** Documents read from {@code stored} (the same list when not projected), sized by their stored documents. */
    static ReplyDocuments of(List<Document> documents, List<Document> stored, StoredSizes sizes, String idField) {
        return new ReplyDocuments(documents, stored, sizes, idField);
    }

    int count() {
        return documents.size();
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** At least the encoded size of document {@code index}. */
    long atMost(int index) {
        if (stored == null) {
            return EncodedSize.atMost(documents.get(index));
        }
        Document source = stored.get(index);
        return sizes.atMost(source.get(idField), source);
    }

    /** The first {@code count} documents. */
    List<Document> first(int count) {
        return documents.subList(0, count);
    }

    /** The documents from {@code index} on: views, not copies. */
    ReplyDocuments from(int index) {
        return new ReplyDocuments(documents.subList(index, documents.size()),
                stored == null ? null : stored.subList(index, stored.size()), sizes, idField);
    }
}
