package io.threadline.servicekit.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;

/** Classifies MongoDB failures: expected outcomes (a duplicate key) and the ones worth another try. */
public final class MongoErrors {

    private static final String RETRYABLE_WRITE_ERROR = "RetryableWriteError";

    private MongoErrors() {
    }

    /** E11000: the document exists already, which for an idempotent insert means "seen before". */
    public static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    /** Failures that may pass on their own (connection lost, no primary yet): worth another try. */
    public static boolean isTransient(Throwable failure) {
        return failure instanceof MongoSocketException
                || failure instanceof MongoTimeoutException
                || failure instanceof MongoNotPrimaryException
                || failure instanceof MongoNodeIsRecoveringException
                || (failure instanceof MongoException mongo && mongo.hasErrorLabel(RETRYABLE_WRITE_ERROR));
    }
}
