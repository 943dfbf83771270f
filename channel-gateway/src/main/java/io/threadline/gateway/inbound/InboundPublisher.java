package io.threadline.gateway.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.gateway.GatewayConfig;
import io.threadline.gateway.inbound.dedup.Receipt;
import io.threadline.gateway.inbound.dedup.ReceiptHeaders;
import io.threadline.servicekit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Publishes inbound messages to {@code channel.inbound} and completes only once Kafka acknowledged them. */
@ApplicationScoped
public class InboundPublisher {

    private static final Logger LOG = Logger.getLogger(InboundPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final GatewayConfig config;
    private final MeterRegistry metrics;
    /** One timer per channel, found without building a meter id per message. */
    private final Map<String, Timer> acknowledged = new ConcurrentHashMap<>();

    public InboundPublisher(@Channel("channel-inbound") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                            MutinyEmitter<String> emitter, ObjectMapper json, GatewayConfig config,
                            MeterRegistry metrics) {
        this.emitter = emitter;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Publishes the message with its receipt in the record headers. Fails with a 503 problem (and Retry-After) if
     * Kafka does not acknowledge within the publish timeout.
     */
    public Uni<Void> publish(InboundMessage message, Receipt receipt) {
        Message<String> record = Message.of(serialize(message)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(message.kafkaKey())
                        .withHeaders(ReceiptHeaders.of(receipt)).build());
        Timer.Sample sample = Timer.start();
        return emitter.sendMessage(record)
                .invoke(() -> sample.stop(acknowledged(message.channel())))
                .ifNoItem().after(config.publishTimeout()).fail()
                .onFailure().transform(failure -> {
                    LOG.warnf("channel.inbound did not acknowledge %s:%s: %s", message.channel(),
                            message.providerMessageId(), failure.toString());
                    return ProblemException.unavailable("The message broker did not acknowledge the message; "
                            + "nothing was accepted. Retry later.", (int) config.retryAfter().toSeconds());
                });
    }

    /** Per channel: its count is the channel's accepted-message throughput. */
    private Timer acknowledged(String channel) {
        return acknowledged.computeIfAbsent(channel, name -> Timer.builder("threadline.gateway.inbound.publish")
                .description("Send to channel.inbound until Kafka acknowledged, per channel")
                .tag("channel", name).publishPercentiles(0.5, 0.99).register(metrics));
    }

    private String serialize(InboundMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Inbound message not serializable", e);
        }
    }
}
