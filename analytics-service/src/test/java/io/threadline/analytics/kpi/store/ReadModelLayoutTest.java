package io.threadline.analytics.kpi.store;

import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which layout the served copy has: a new install's is this version's, an install from before layouts were recorded
 * is older, a rebuild's is this version's; and only one instance claims the upgrade of an older copy.
 */
@ExtendWith(StandInMongo.class)
class ReadModelLayoutTest {

    @Test
    void aNewInstallIsOfThisLayout(MongoDatabase db) {
        db.drop();
        ActiveReadModel readModel = new ActiveReadModel(db);

        assertThat(readModel.servedLayout()).isEqualTo(ReadModel.LAYOUT);
        assertThat(readModel.current().generation()).isEqualTo(1);
    }

    @Test
    void aCopyProjectedBeforeLayoutsWereRecordedIsOlderUntilARebuildSwitches(MongoDatabase db) {
        db.drop();
        db.getCollection("g1_progress").insertOne(new Document("_id", "ticket.events").append("p0", 41L));
        ActiveReadModel readModel = new ActiveReadModel(db);

        assertThat(readModel.servedLayout()).isZero();
        assertThat(readModel.current().generation()).isEqualTo(1);

        readModel.switchTo(2);
        assertThat(readModel.servedLayout()).isEqualTo(ReadModel.LAYOUT);
    }

    @Test
    void oneInstanceClaimsTheUpgradeUntilTheClaimIsStale(MongoDatabase db) {
        db.drop();
        db.getCollection("read_model").insertOne(new Document("_id", "active").append("generation", 3));
        ActiveReadModel one = new ActiveReadModel(db);
        ActiveReadModel other = new ActiveReadModel(db);

        assertThat(one.servedLayout()).isZero();
        assertThat(one.claimUpgrade(Duration.ofHours(1))).isTrue();
        assertThat(other.claimUpgrade(Duration.ofHours(1))).isFalse();
        // A claim older than the retry delay (its claimant died, or its rebuild failed) is taken over.
        db.getCollection("read_model").updateOne(Filters.eq("_id", "active"),
                Updates.set("upgradeClaimedAt", Date.from(Instant.now().minus(Duration.ofHours(2)))));
        assertThat(other.claimUpgrade(Duration.ofHours(1))).isTrue();
        assertThat(one.claimUpgrade(Duration.ofHours(1))).isFalse();
    }
}
