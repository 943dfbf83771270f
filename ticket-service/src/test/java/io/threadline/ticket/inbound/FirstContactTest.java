package io.threadline.ticket.inbound;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import jakarta.inject.Inject;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Simultaneous first messages from one new address (e.g. two replicas, two partitions) yield one customer. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class FirstContactTest {

    private static final int SIMULTANEOUS = 6;

    @Inject
    InboundMessageHandler handler;
    @Inject
    EventStore eventStore;

    @Test
    void simultaneousFirstMessagesFromOneNewAddressYieldOneCustomer() throws Exception {
        String address = "new-" + UUID.randomUUID() + "@example.com";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS);
        try {
            List<Future<String>> tickets = IntStream.range(0, SIMULTANEOUS)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return handler.handle(message(address, "p-" + i + "-" + UUID.randomUUID()));
                    })).toList();
            start.countDown();
            Set<String> customers = tickets.stream().map(FirstContactTest::get)
                    .map(ticketId -> ((TicketOpenedEvent) eventStore.readEvents(ticketId, 0).next().getPayload())
                            .customerId())
                    .collect(Collectors.toSet());

            assertThat(customers).hasSize(1);
            String customerId = customers.iterator().next();
            assertThat(eventStore.readEvents(customerId, 0).asStream()
                    .filter(e -> e.getPayload() instanceof CustomerRegisteredEvent).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String get(Future<String> ticket) {
        try {
            return ticket.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static InboundMessage message(String address, String providerMessageId) {
        Instant now = Instant.now();
        return new InboundMessage(providerMessageId, "email", "support@acme.test", new Participant(address, "New"),
                List.of(), ThreadReferences.none(), "Hello", "First contact", null, List.of(), now, now, Map.of());
    }
}
