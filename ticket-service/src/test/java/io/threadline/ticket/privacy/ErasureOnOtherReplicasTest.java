package io.threadline.ticket.privacy;

import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import io.threadline.ticket.infrastructure.AggregateCaches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer erased on one replica: another replica that still holds the customer's key in memory uses it until it
 * hears of the erasure ({@code CustomerErased} on customer.events), then reads the store and finds the key gone.
 */
@ExtendWith(StandInMongo.class)
class ErasureOnOtherReplicasTest {

    private static final String MASTER_KEY = "7omce4jCczEf8MHvHwE13SjozCa4UDAMJHYX/S69ZkQ=";

    @Test
    void aReplicaForgetsTheKeyItHeldOnceItHearsOfTheErasure(MongoDatabase database) {
        CustomerKeys erasingReplica = new CustomerKeys(database, MASTER_KEY, 100);
        CustomerKeys otherReplica = new CustomerKeys(database, MASTER_KEY, 100);
        assertThat(otherReplica.keyFor("c-1")).isPresent();

        erasingReplica.destroy("c-1");
        assertThat(erasingReplica.keyFor("c-1")).isEmpty();
        assertThat(otherReplica.keyFor("c-1")).as("still held in memory").isPresent();

        new CustomerErasure(null, null, otherReplica, new AggregateCaches(100, database), database)
                .forgetInMemory("c-1");
        assertThat(otherReplica.keyFor("c-1")).isEmpty();
        assertThat(otherReplica.existingKey("c-1")).isEmpty();
    }
}
