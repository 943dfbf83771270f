package io.threadline.servicekit.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** One holder at a time, on the MongoDB stand-in; each holder has a clock of its own, moved by hand. */
@ExtendWith(StandInMongo.class)
class MongoLeaseTest {

    private static final Duration LENGTH = Duration.ofSeconds(15);
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    private MongoCollection<Document> leases;

    @BeforeEach
    void collection(MongoDatabase database) {
        leases = database.getCollection("leases");
    }

    @Test
    void theFirstTakesItAndTheSecondWaits() {
        MongoLease a = lease("a", START);
        MongoLease b = lease("b", START.plusSeconds(1));

        assertThat(a.acquire()).contains(START.plus(LENGTH));
        assertThat(b.acquire()).isEmpty();
        assertThat(owner()).isEqualTo("a");
    }

    @Test
    void theHolderRenewsItsOwnLease() {
        MongoLease a = lease("a", START);
        a.acquire();
        MongoLease aLater = lease("a", START.plusSeconds(10));

        assertThat(aLater.acquire()).contains(START.plusSeconds(10).plus(LENGTH));
        assertThat(lease("b", START.plusSeconds(20)).acquire()).as("renewed until 10:00:25").isEmpty();
    }

    @Test
    void anotherTakesOverOnceTheLeaseExpired() {
        lease("a", START).acquire();

        assertThat(lease("b", START.plus(LENGTH).minusMillis(1)).acquire()).isEmpty();
        assertThat(lease("b", START.plus(LENGTH).plusMillis(1)).acquire()).isPresent();
        assertThat(owner()).isEqualTo("b");
        assertThat(lease("a", START.plus(LENGTH).plusMillis(2)).acquire()).as("a lost it").isEmpty();
    }

    @Test
    void anotherTakesOverAtOnceAfterARelease() {
        MongoLease a = lease("a", START);
        a.acquire();
        a.release();

        assertThat(lease("b", START.plusSeconds(1)).acquire()).isPresent();
        lease("a", START.plusSeconds(2)).release();
        assertThat(owner()).as("a release by a former holder leaves the new lease alone").isEqualTo("b");
        assertThat(lease("c", START.plusSeconds(3)).acquire()).isEmpty();
    }

    @Test
    void onlyTheLiveHolderUpdatesTheDocument() {
        lease("a", START).acquire();

        assertThat(lease("a", START.plusSeconds(5)).updateIfHeld(Updates.set("position", 1))).isTrue();
        assertThat(lease("b", START.plusSeconds(5)).updateIfHeld(Updates.set("position", 2))).isFalse();
        assertThat(lease("a", START.plus(LENGTH).plusSeconds(1)).updateIfHeld(Updates.set("position", 3)))
                .as("expired").isFalse();
        assertThat(document().getInteger("position")).isEqualTo(1);
    }

    @Test
    void takesADocumentThatHasStateButNoLeaseYet() {
        leases.insertOne(new Document("_id", "job").append("position", 7));

        assertThat(lease("a", START).acquire()).isPresent();
        assertThat(document().getInteger("position")).as("the job's state stays").isEqualTo(7);
    }

    @Test
    void keepsTheLeaseFieldsOfTheDocument() {
        lease("a", START).acquire();

        assertThat(document().get(MongoLease.UNTIL, Date.class)).isEqualTo(Date.from(START.plus(LENGTH)));
        leases.updateOne(Filters.eq("_id", "job"), Updates.set(MongoLease.UNTIL, Date.from(START)));
        assertThat(lease("b", START.plusSeconds(1)).acquire()).as("an expired lease, whoever wrote it").isPresent();
    }

    private MongoLease lease(String holder, Instant now) {
        return new MongoLease(leases, "job", holder, LENGTH, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Document document() {
        return leases.find(Filters.eq("_id", "job")).first();
    }

    private String owner() {
        return document().getString(MongoLease.OWNER);
    }
}
