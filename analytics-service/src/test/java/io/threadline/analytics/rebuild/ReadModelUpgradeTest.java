package io.threadline.analytics.rebuild;

import com.mongodb.client.MongoDatabase;
import io.threadline.analytics.kpi.store.ActiveReadModel;
import io.threadline.analytics.kpi.store.ReadModel;
import io.threadline.testsupport.StandInMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new install records its layout when the service starts, so that events projected before the first check (15 s
 * later) do not make its copy look like one from before layouts were recorded, and rebuild it for nothing.
 */
@ExtendWith(StandInMongo.class)
class ReadModelUpgradeTest {

    @Test
    void aNewInstallProjectedIntoBeforeTheFirstCheckKeepsThisLayout(MongoDatabase db) {
        db.drop();
        ActiveReadModel readModel = new ActiveReadModel(db);
        ReadModelUpgrade upgrade = new ReadModelUpgrade(readModel, null);

        upgrade.recordLayout(null);
        db.getCollection("g1_progress").insertOne(new Document("_id", "ticket.events").append("p0", 41L));

        assertThat(readModel.servedLayout()).isEqualTo(ReadModel.LAYOUT);
        assertThat(upgrade.upgradeIfOlder()).isFalse();
    }
}
