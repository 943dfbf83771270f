package io.threadline.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.inbound.Participant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Publishes to {@code ticket.events} as ticket-service does: a JSON envelope keyed by the ticket id. */
public final class TicketEventProducer implements AutoCloseable {

    public static final ObjectMapper JSON = ContractJson.newMapper();

    private final KafkaProducer<String, String> producer;

    private TicketEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** A producer on the Kafka broker of the running Quarkus test. */
    public static TicketEventProducer connect() {
        return new TicketEventProducer(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static IntegrationEvent ticketOpened(String ticketId, String channel, Instant openedAt) {
        TicketOpened opened = new TicketOpened(ticketId, "TL-1001", "customer-" + ticketId, channel, "Order #4411");
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, 0, openedAt, "customer-" + ticketId,
                opened, JSON);
    }

    public static IntegrationEvent messageReceived(String ticketId, String messageId, String channel,
                                                   Instant receivedAt) {
        MessageReceived received = new MessageReceived(ticketId, "TL-1001", messageId, channel, "provider-" + messageId,
                new Participant("alice@example.com", "Alice Martin"), "Order #4411", "The mug arrived in pieces.",
                List.of(), receivedAt, receivedAt.plusMillis(40), ThreadingRule.OPEN_TICKET);
        return IntegrationEvent.wrap(UUID.randomUUID().toString(), ticketId, 1, receivedAt.plusMillis(50),
                "customer-" + ticketId, received, JSON);
    }

    /** Sends the events one after the other, each acknowledged before the next, keyed by their aggregate. */
    public void send(IntegrationEvent... events) {
        for (IntegrationEvent event : events) {
            try {
                sendRaw(event.aggregateId(), JSON.writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ticket.events did not acknowledge", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
