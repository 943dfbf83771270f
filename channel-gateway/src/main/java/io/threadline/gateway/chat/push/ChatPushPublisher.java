package io.threadline.gateway.chat.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.threadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts pushes on {@code chat.push}, keyed by the visitor's address so one visitor's pushes keep their order. */
@ApplicationScoped
public class ChatPushPublisher {

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper json;
    private final GatewayConfig config;

    public ChatPushPublisher(@Channel("chat-push-out") MutinyEmitter<String> emitter, ObjectMapper json,
                             GatewayConfig config) {
        this.emitter = emitter;
        this.json = json;
        this.config = config;
    }

    /** Completes once Kafka acknowledged; fails after the gateway's publish timeout. */
    public Uni<Void> publish(ChatPush push) {
        String value;
        try {
            value = json.writeValueAsString(push);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chat push not serializable", e);
        }
        return emitter.sendMessage(Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(push.address()).build()))
                .ifNoItem().after(config.publishTimeout()).fail();
    }
}
