package io.threadline.localstack.infra;

import java.nio.file.Path;

/**
 * Entry point of the Kafka broker process of the local stack:
 * {@code KafkaProcess <port> <controllerPort> <logDir>}. Runs until terminated.
 */
public final class KafkaProcess {

    private KafkaProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int controllerPort = Integer.parseInt(args[1]);
        Path logDir = Path.of(args[2]);

        EmbeddedKafka kafka = EmbeddedKafka.start("localhost", port, controllerPort, logDir);
        kafka.createTopics();
        System.out.println("Kafka broker ready on " + kafka.bootstrapServers() + ", log in " + logDir);
        UntilTerminated.close(kafka);
    }
}
