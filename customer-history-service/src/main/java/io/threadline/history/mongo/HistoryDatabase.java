package io.threadline.history.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The service's own database, so stores need not know its configured name. */
@Singleton
public class HistoryDatabase {

    @Produces
    @Singleton
    MongoDatabase database(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String name) {
        return client.getDatabase(name);
    }
}
