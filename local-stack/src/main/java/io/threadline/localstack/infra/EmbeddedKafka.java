package io.threadline.localstack.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.threadline.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running in this JVM.
 * With a data directory its log survives restarts; without one it lives in a temporary directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Fixed so that a restart finds its formatted storage again. */
    private static final String CLUSTER_ID = "dGhyZWFkbGluZS1sb2NhbA";
    public static final int DEFAULT_PARTITIONS = 3;

    private final EmbeddedKafkaBroker broker;

    private EmbeddedKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on {@code host:port}; the controller listens on {@code controllerPort}.
     *
     * @param logDir where the log lives; {@code null} for a throw-away temporary directory
     */
    public static EmbeddedKafka start(String host, int port, int controllerPort, Path logDir) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withClusterId(CLUSTER_ID)
                .withKafkaHost(host)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withDeleteLogDirsOnClose(logDir == null)
                .withAdditionalProperties(props -> {
                    if (logDir != null) {
                        props.put("log.dirs", logDir.toAbsolutePath().toString());
                    }
                    // A single node: every internal topic must accept one replica.
                    props.put("offsets.topic.replication.factor", "1");
                    props.put("offsets.topic.num.partitions", "3");
                    props.put("transaction.state.log.replication.factor", "1");
                    props.put("transaction.state.log.min.isr", "1");
                    props.put("share.coordinator.state.topic.replication.factor", "1");
                    props.put("share.coordinator.state.topic.min.isr", "1");
                    props.put("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
                    props.put("auto.create.topics.enable", "true");
                    props.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
                });
        broker.start();
        return new EmbeddedKafka(broker);
    }

    /** {@code host:port} as Kafka clients expect it. */
    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
    }

    /** Creates every topic of the system that does not exist yet. */
    public void createTopics() {
        createTopics(bootstrapServers(), Topics.ALL, DEFAULT_PARTITIONS);
    }

    public static void createTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : topics) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
