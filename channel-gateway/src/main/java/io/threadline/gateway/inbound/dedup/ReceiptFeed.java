package io.threadline.gateway.inbound.dedup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.threadline.contracts.Topics;
import io.threadline.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tells this replica what every replica published: reads {@code channel.inbound} from all partitions, headers
 * only, and records each message's receipt. No consumer group and no commits: at startup it reads back the last
 * {@code cache-size} records (which rebuilds the cache after a restart), then follows the topic. A retry that
 * reaches another replica after the first copy was acknowledged is therefore recognised once this feed has read
 * it, typically within a tenth of a second.
 */
@ApplicationScoped
public class ReceiptFeed {

    private static final Logger LOG = Logger.getLogger(ReceiptFeed.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);
    /** Headers are all it needs: keys and values are skipped unread. */
    private static final Deserializer<Void> SKIP = (topic, data) -> null;

    private final InboundReceipts receipts;
    private final String bootstrapServers;
    private final int replay;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<Void, Void> consumer;
    private Thread thread;

    @Inject
    public ReceiptFeed(InboundReceipts receipts, GatewayConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(receipts, bootstrapServers, config.dedup().cacheSize());
    }

    ReceiptFeed(InboundReceipts receipts, String bootstrapServers, int replay) {
        this.receipts = receipts;
        this.bootstrapServers = bootstrapServers;
        this.replay = replay;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "receipt-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<Void, Void> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** True once the records present at startup have been read back. */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<Void, Void> feed = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.CLIENT_ID_CONFIG, "channel-gateway-receipt-feed",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // Few large fetches instead of one per handful of records: the broker answers at 64 KB or after
                    // 100 ms, whichever comes first, which bounds how late another replica's message is seen.
                    ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000), SKIP, SKIP)) {
                consumer = feed;
                follow(feed);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                LOG.warnf("Receipt feed interrupted, reconnecting: %s", e.toString());
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<Void, Void> feed) {
        List<TopicPartition> partitions = partitions(feed);
        feed.assign(partitions);
        Map<TopicPartition, Long> end = feed.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = feed.beginningOffsets(partitions);
        long perPartition = replay / partitions.size() + 1;
        for (TopicPartition partition : partitions) {
            feed.seek(partition, Math.max(beginning.get(partition), end.get(partition) - perPartition));
        }
        while (running) {
            for (ConsumerRecord<Void, Void> record : feed.poll(Duration.ofSeconds(1))) {
                ReceiptHeaders.read(record.headers()).ifPresent(receipts::record);
            }
            if (!caughtUp && end.entrySet().stream().allMatch(e -> feed.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                LOG.infof("Receipt feed caught up on %s (%d partitions)", Topics.CHANNEL_INBOUND, partitions.size());
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<Void, Void> feed) {
        while (running) {
            List<PartitionInfo> infos = feed.partitionsFor(Topics.CHANNEL_INBOUND);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            LOG.infof("Waiting for topic %s", Topics.CHANNEL_INBOUND);
            pause();
        }
        throw new WakeupException();
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
