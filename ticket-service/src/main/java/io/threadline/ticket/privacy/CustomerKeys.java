package io.threadline.ticket.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.threadline.servicekit.mongo.MongoErrors;
import io.threadline.ticket.TicketServiceConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.Document;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * One AES-256 key per customer, stored wrapped by the master key in {@code customer_keys} ({@code _id} =
 * customer id). Erasing a customer replaces its key with a tombstone: everything sealed with it is unreadable for
 * good, and nothing new is sealed for that customer.
 */
@Singleton
public class CustomerKeys {

    /** A customer's key, or that the customer was erased. */
    public sealed interface Entry permits Active, Erased {
    }

    public record Active(SecretKey key) implements Entry {
    }

    public record Erased() implements Entry {
    }

    private final MongoCollection<Document> keys;
    private final Sealing master;
    private final Cache<String, Entry> cache;

    @Inject
    public CustomerKeys(MongoDatabase database, TicketServiceConfig config) {
        this(database, config.privacy().masterKey(), config.aggregateCacheSize());
    }

    public CustomerKeys(MongoDatabase database, String masterKeyBase64, long cachedKeys) {
        this.keys = database.getCollection("customer_keys");
        this.master = new Sealing(new SecretKeySpec(Base64.getDecoder().decode(masterKeyBase64), "AES"));
        this.cache = Caffeine.newBuilder().maximumSize(cachedKeys).build();
    }

    /** The customer's key, created on first use; empty once the customer is erased. */
    public Optional<SecretKey> keyFor(String customerId) {
        Entry entry = cache.get(customerId, this::loadOrCreate);
        return entry instanceof Active active ? Optional.of(active.key()) : Optional.empty();
    }

    /** The customer's key if it has one; never creates one (reading needs no new key). */
    public Optional<SecretKey> existingKey(String customerId) {
        Entry entry = cache.getIfPresent(customerId);
        if (entry == null) {
            Optional<Entry> stored = load(customerId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            entry = stored.get();
            cache.put(customerId, entry);
        }
        return entry instanceof Active active ? Optional.of(active.key()) : Optional.empty();
    }

    /** Destroys the customer's key for good. */
    public void destroy(String customerId) {
        keys.replaceOne(Filters.eq("_id", customerId), new Document("_id", customerId).append("erased", true),
                new ReplaceOptions().upsert(true));
        cache.put(customerId, new Erased());
    }

    /** Forgets what this replica cached of the customer's key: the next use reads the store (another erased it). */
    public void forgetCached(String customerId) {
        cache.invalidate(customerId);
    }

    private Entry loadOrCreate(String customerId) {
        return load(customerId).orElseGet(() -> create(customerId));
    }

    private Optional<Entry> load(String customerId) {
        Document doc = keys.find(Filters.eq("_id", customerId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        if (doc.getBoolean("erased", false)) {
            return Optional.of(new Erased());
        }
        byte[] raw = master.open(doc.getString("key"));
        return Optional.of(new Active(new SecretKeySpec(raw, "AES")));
    }

    /** Two first events of one customer race on the {@code _id}: the loser reads the winner's key. */
    private Entry create(String customerId) {
        SecretKey key = newKey();
        try {
            keys.insertOne(new Document("_id", customerId).append("key", master.seal(key.getEncoded())));
            return new Active(key);
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return load(customerId).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }
}
