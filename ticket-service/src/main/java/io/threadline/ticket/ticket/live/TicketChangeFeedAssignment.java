package io.threadline.ticket.ticket.live;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Knows when the live feed reads {@code ticket.events}: once its partitions are assigned and their end offsets
 * resolved, every change from then on reaches the agent screens. Until then the replica is not ready.
 */
@ApplicationScoped
@Identifier("ticket-changes")
public class TicketChangeFeedAssignment implements KafkaConsumerRebalanceListener {

    private volatile boolean assigned;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Resolve "latest" now rather than at the first fetch, so nothing published after this moment is skipped.
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        assigned = !partitions.isEmpty();
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned = false;
    }

    public boolean assigned() {
        return assigned;
    }
}
