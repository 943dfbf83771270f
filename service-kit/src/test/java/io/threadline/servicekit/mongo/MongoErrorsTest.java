package io.threadline.servicekit.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A duplicate key reads as one, whether a write or an upserting command reported it. */
class MongoErrorsTest {

    private static final ServerAddress SERVER = new ServerAddress();

    @Test
    void duplicateKeyFromAWrite() {
        assertThat(MongoErrors.isDuplicateKey(new MongoWriteException(
                new WriteError(11000, "E11000 duplicate key", new BsonDocument()), SERVER))).isTrue();
        assertThat(MongoErrors.isDuplicateKey(new MongoWriteException(
                new WriteError(121, "document failed validation", new BsonDocument()), SERVER))).isFalse();
    }

    @Test
    void duplicateKeyFromAnUpsertingCommand() {
        assertThat(MongoErrors.isDuplicateKey(command(11000))).isTrue();
        assertThat(MongoErrors.isDuplicateKey(command(50))).isFalse();
    }

    private static MongoCommandException command(int code) {
        return new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
                .append("errmsg", new BsonString("failed")), SERVER);
    }
}
