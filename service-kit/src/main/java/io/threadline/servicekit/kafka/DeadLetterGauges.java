package io.threadline.servicekit.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How many records sit in each dead-letter topic this service writes to ({@code threadline_dlq_records{topic}}), so
 * poison messages piling up raise an alert instead of going unnoticed. The topics are the ones its Kafka channels
 * name as their dead-letter queue; sizes (end minus start offsets over all partitions) are read at most every
 * 15 seconds, on scrape.
 */
@ApplicationScoped
public class DeadLetterGauges {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauges.class);
    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    private static final Duration FRESH_FOR = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Double> sizes = new ConcurrentHashMap<>();
    private volatile Instant readAt = Instant.EPOCH;
    private final List<Gauge> gauges = new ArrayList<>();
    private Admin admin;
    private MeterRegistry registry;
    private Set<String> topics = Set.of();

    void start(@Observes StartupEvent event, Config config, MeterRegistry registry) {
        topics = deadLetterTopics(config);
        if (topics.isEmpty()) {
            return;
        }
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class),
                AdminClientConfig.CLIENT_ID_CONFIG, "dead-letter-gauges",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()));
        this.registry = registry;
        for (String topic : topics) {
            gauges.add(Gauge.builder("threadline.dlq.records", this, self -> self.size(topic))
                    .description("Records in a dead-letter topic this service writes to")
                    .tag("topic", topic).register(registry));
        }
    }

    /** Unregisters the gauges too: a registry that outlives this bean (a restart in tests) would keep asking it. */
    void stop(@Observes ShutdownEvent event) {
        gauges.forEach(registry::remove);
        gauges.clear();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** The topics the service's channels dead-letter to, from their configuration. */
    static Set<String> deadLetterTopics(Config config) {
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = DLQ_TOPIC.matcher(name);
            if (matcher.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(found::add);
            }
        }
        return found;
    }

    private synchronized double size(String topic) {
        if (Instant.now().isAfter(readAt.plus(FRESH_FOR))) {
            readAt = Instant.now();
            try {
                refresh();
            } catch (Exception e) {
                LOG.debugf("Dead-letter topic sizes not read: %s", e.toString());
                sizes.clear();
            }
        }
        return sizes.getOrDefault(topic, Double.NaN);
    }

    private void refresh() throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        sizes.clear();
        for (TopicPartition partition : partitions) {
            double held = ends.get(partition).offset() - starts.get(partition).offset();
            sizes.merge(partition.topic(), held, Double::sum);
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        return admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
