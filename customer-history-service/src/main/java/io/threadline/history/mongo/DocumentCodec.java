package io.threadline.history.mongo;

import org.bson.Document;

/** How one kind of state is stored: as a document whose {@code _id} is the state's id. */
public interface DocumentCodec<T> {

    Document toDocument(T value);

    T fromDocument(Document document);

    /** The state of an id nothing was stored for yet. */
    T empty(String id);
}
