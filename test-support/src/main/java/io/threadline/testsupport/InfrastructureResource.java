package io.threadline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.threadline.contracts.Topics;
import io.threadline.localstack.infra.EmbeddedKafka;
import io.threadline.localstack.infra.EmbeddedMongo;
import io.threadline.localstack.launcher.StackPorts;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real Kafka and MongoDB for a Quarkus test: containers through Testcontainers when a Docker engine answers,
 * otherwise the embedded pair the local stack runs (a KRaft broker in this JVM and the MongoDB stand-in).
 * Set {@code THREADLINE_TEST_INFRA=embedded} to skip the Docker probe.
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(InfrastructureResource.class);
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private final List<AutoCloseable> started = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Endpoints endpoints = useContainers() ? startContainers() : startEmbedded();
        EmbeddedKafka.createTopics(endpoints.kafka(), Topics.ALL, EmbeddedKafka.DEFAULT_PARTITIONS);
        return Map.of(
                "kafka.bootstrap.servers", endpoints.kafka(),
                "quarkus.mongodb.connection-string", endpoints.mongo(),
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.mongodb.devservices.enabled", "false");
    }

    /** Where the started Kafka and MongoDB listen. Public: Quarkus may load this class again for each test class. */
    public record Endpoints(String kafka, String mongo) {
    }

    private static boolean useContainers() {
        if ("embedded".equalsIgnoreCase(System.getenv("THREADLINE_TEST_INFRA"))) {
            return false;
        }
        // Ask Testcontainers only where an engine could answer: its probe logs errors when none does.
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Endpoints startContainers() {
        LOG.infof("Test infrastructure: Testcontainers (%s, %s)", KAFKA_IMAGE, MONGO_IMAGE);
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        started.add(kafka);
        mongo.start();
        started.add(mongo);
        return new Endpoints(kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
    }

    private Endpoints startEmbedded() {
        LOG.info("Test infrastructure: no Docker engine, using the embedded Kafka broker and MongoDB stand-in");
        EmbeddedKafka kafka = EmbeddedKafka.start("localhost", StackPorts.freePort(), StackPorts.freePort(), null);
        started.add(kafka);
        EmbeddedMongo mongo = EmbeddedMongo.startInMemory("localhost");
        started.add(mongo);
        return new Endpoints(kafka.bootstrapServers(), mongo.connectionString());
    }

    @Override
    public void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Could not stop test infrastructure", e);
            }
        }
        started.clear();
    }
}
