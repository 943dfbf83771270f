package io.threadline.history.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reading an unordered bulk write whose only expected failures are duplicate keys. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** The ids (by position in {@code ids}) of the writes refused for a duplicate key; rethrows any other failure. */
    public static Set<String> refused(MongoBulkWriteException e, List<String> ids) {
        Set<String> refused = new LinkedHashSet<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            refused.add(ids.get(error.getIndex()));
        }
        return refused;
    }
}
