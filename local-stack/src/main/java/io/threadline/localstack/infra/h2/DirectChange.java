package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Optional;

/** A single-document change by {@code _id} that the stand-in computes itself instead of the general update path. */
interface DirectChange {

    /**
     * The document after the change, leaving {@code stored} as it was, or {@code stored} itself when nothing changes;
     * empty when the document has a shape left to the general path.
     *
     * @param inserting whether {@code stored} is the document an upsert is about to insert
     */
    Optional<Document> applyTo(Document stored, boolean inserting);

    /** Whether the reply and the oplog count a change that wrote {@code changed} as modifying the document. */
    default boolean countsAsModified(Document stored, Document changed) {
        return true;
    }

    /** The change, when it is one the stand-in computes: a replacement, or the update operators of {@link DirectUpdate}. */
    static Optional<DirectChange> of(Document update, String idField) {
        return DirectReplacement.isReplacement(update)
                ? DirectReplacement.of(update, idField).map(DirectChange.class::cast)
                : DirectUpdate.of(update, idField).map(DirectChange.class::cast);
    }
}
