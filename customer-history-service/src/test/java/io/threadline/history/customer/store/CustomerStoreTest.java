package io.threadline.history.customer.store;

import io.threadline.history.customer.Customer;
import io.threadline.history.customer.CustomerIdentity;
import com.mongodb.client.MongoDatabase;
import io.threadline.testsupport.StandInMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the MongoDB stand-in, without Quarkus. */
@ExtendWith(StandInMongo.class)
class CustomerStoreTest {

    private CustomerStore store;

    @BeforeEach
    void freshDatabase(MongoDatabase database) {
        store = new CustomerStore(database);
    }

    @Test
    void aRedeliveredRegistrationChangesNothing() {
        store.register("c-1", "Alice Martin", new CustomerIdentity("email", "Alice@Example.com", true));
        store.register("c-1", "Alice Martin", new CustomerIdentity("email", "Alice@Example.com", true));

        assertThat(store.findById("c-1")).contains(new Customer("c-1", "Alice Martin",
                List.of(new CustomerIdentity("email", "alice@example.com", true))));
    }

    @Test
    void identitiesAreFoundByTheirNormalizedKey() {
        store.register("c-1", "Alice", new CustomerIdentity("email", "Alice@Example.com", false));
        store.register("c-1", "Alice", new CustomerIdentity("sms", "+15550100", false));

        assertThat(store.customerIdOf("email:alice@example.com")).contains("c-1");
        assertThat(store.customerIdOf("sms:+15550100")).contains("c-1");
        assertThat(store.customerIdOf("email:bob@example.com")).isEmpty();
        assertThat(store.findById("c-1").orElseThrow().identities()).extracting(CustomerIdentity::channel)
                .containsExactly("email", "sms");
    }

    @Test
    void anIdentityStaysWithTheCustomerThatRegisteredItFirst() {
        store.register("c-1", "Alice", new CustomerIdentity("email", "shared@example.com", false));
        store.register("c-2", "Someone else", new CustomerIdentity("email", "shared@example.com", false));

        assertThat(store.customerIdOf("email:shared@example.com")).contains("c-1");
    }

    @Test
    void unknownCustomersAreNotFound() {
        assertThat(store.findById("nobody")).isEmpty();
        assertThat(store.exists("nobody")).isFalse();
    }
}
