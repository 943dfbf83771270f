package io.threadline.gateway.sms;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Numbers that texted STOP and may not be sent to until they text START: {@code sms_opt_outs}, keyed by the number
 * ({@code _id}), shared by every replica.
 */
@ApplicationScoped
public class OptOuts {

    /** The carrier-standard keywords (the whole message, any case). */
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "OPTOUT", "REVOKE");
    private static final Set<String> START = Set.of("START", "UNSTOP", "OPTIN");

    /** What a message asks for: to stop or to start receiving messages. */
    public enum Request { STOP, START }

    private final MongoCollection<Document> optOuts;

    public OptOuts(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.optOuts = mongo.getDatabase(database).getCollection("sms_opt_outs");
    }

    /** The opt-out keyword a message consists of, if it is one. */
    public static Optional<Request> requestIn(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return Optional.of(Request.STOP);
        }
        return START.contains(word) ? Optional.of(Request.START) : Optional.empty();
    }

    /** Applies the request; repeating it changes nothing. */
    public void apply(String number, Request request, String keyword) {
        if (request == Request.STOP) {
            optOuts.replaceOne(Filters.eq("_id", number), new Document("_id", number).append("keyword", keyword)
                    .append("at", Date.from(Instant.now())), new ReplaceOptions().upsert(true));
        } else {
            optOuts.deleteOne(Filters.eq("_id", number));
        }
    }

    public boolean optedOut(String number) {
        return optOuts.find(Filters.eq("_id", number)).first() != null;
    }
}
