package io.threadline.servicekit.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
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

    /**
     * E11000: the document exists already, which for an idempotent insert means "seen before". An upserting
     * findOneAndUpdate reports it as a command error rather than a write error.
     */
    public static boolean isDuplicateKey(Throwable failure) {
        return (failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY)
                || (failure instanceof MongoCommandException command
                && ErrorCategory.fromErrorCode(command.getErrorCode()) == ErrorCategory.DUPLICATE_KEY);
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
