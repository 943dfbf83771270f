package io.threadline.history.rebuild;

import io.threadline.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * How many events were ever published on {@code customer.events} and {@code ticket.events} (the sum of their end
 * offsets): the replay source names no total, and every stored event is published at least once, so this bounds
 * what a replay has to read from above (redeliveries count twice).
 */
@ApplicationScoped
public class PublishedEventCount {

    private static final Logger LOG = Logger.getLogger(PublishedEventCount.class);

    private final String bootstrapServers;

    public PublishedEventCount(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Optional<Long> now() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.CUSTOMER_EVENTS,
                    Topics.TICKET_EVENTS)).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p ->
                    ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            return Optional.of(admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum());
        } catch (Exception e) {
            LOG.warnf("Could not count the published events, the rebuild reports no remaining count: %s", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
