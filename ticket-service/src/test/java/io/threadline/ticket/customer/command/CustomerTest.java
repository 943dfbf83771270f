package io.threadline.ticket.customer.command;

import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.RegisterCustomerCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerTest {

    @Test
    void registeringACustomerRecordsItsFirstIdentity() {
        new AggregateTestFixture<>(Customer.class)
                .givenNoPriorActivity()
                .when(new RegisterCustomerCommand("c-1", "sms", "+15550100", "Bob"))
                .expectEvents(new CustomerRegisteredEvent("c-1", "sms", "+15550100", "Bob"))
                .expectState(customer -> assertThat(customer.identities()).containsExactly("sms:+15550100"));
    }
}
