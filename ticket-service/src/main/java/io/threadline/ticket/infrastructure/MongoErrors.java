package io.threadline.ticket.infrastructure;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognises MongoDB failures that are expected outcomes rather than errors. */
public final class MongoErrors {

    private MongoErrors() {
    }

    /** A unique index rejected the write (E11000): someone else got there first. */
    public static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
