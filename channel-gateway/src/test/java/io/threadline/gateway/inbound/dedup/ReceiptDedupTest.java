package io.threadline.gateway.inbound.dedup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.threadline.contracts.Topics;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Provider retries publish nothing new: on the same replica, at the same moment, across replicas and restarts. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class ReceiptDedupTest {

    private static final String PATH = "/api/v1/inbound/messages";

    @Inject
    InboundReceipts receipts;

    @Test
    void copiesArrivingTogetherPublishOnce() throws Exception {
        String id = "burst-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(sms(id, "+15550170001")), pool))
                    .toList();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(200, 202);
            assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        String marker = "marker-" + UUID.randomUUID();
        assertThat(post(sms(marker, "+15550170001"))).isEqualTo(202);
        assertThat(published(id, marker)).isEqualTo(1);
    }

    @Test
    void aMessageAnotherReplicaPublishedIsRecognised() {
        String id = "other-replica-" + UUID.randomUUID();
        Instant earlier = Instant.parse("2026-11-20T08:00:00Z");
        publishAsAnotherReplica(new Receipt("sms:" + id, earlier, null));
        await(() -> receipts.find("sms:" + id).isPresent());

        given().header("X-Api-Key", "tl-dev-only-integrator-key").contentType(ContentType.JSON)
                .body(sms(id, "+15550170002")).post(PATH)
                .then().statusCode(200).body("duplicate", equalTo(true))
                .body("acceptedAt", equalTo("2026-11-20T08:00:00Z"));
        String marker = "marker-" + UUID.randomUUID();
        assertThat(post(sms(marker, "+15550170002"))).isEqualTo(202);
        assertThat(published(id, marker)).isEqualTo(1);
    }

    @Test
    void aRestartedReplicaReadsTheReceiptsBack() throws InterruptedException {
        String id = "before-restart-" + UUID.randomUUID();
        assertThat(post(sms(id, "+15550170003"))).isEqualTo(202);

        InboundReceipts fresh = new InboundReceipts(1000, Duration.ofHours(1), new SimpleMeterRegistry());
        ReceiptFeed feed = new ReceiptFeed(fresh, bootstrapServers(), 1000);
        feed.start(null);
        try {
            await(feed::caughtUp);
            assertThat(fresh.find("sms:" + id)).hasValueSatisfying(receipt ->
                    assertThat(receipt.fingerprint()).hasSize(64));
        } finally {
            feed.stop(null);
        }
    }

    private static void publishAsAnotherReplica(Receipt receipt) {
        String message = """
                {"providerMessageId":"%s","channel":"sms","sender":{"address":"+15550170002"},"text":"Parcel missing",
                 "receivedAt":"2026-11-20T08:00:00Z","acceptedAt":"2026-11-20T08:00:00Z"}"""
                .formatted(receipt.key().substring("sms:".length()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CHANNEL_INBOUND, null, "sms:+15550170002", message,
                    ReceiptHeaders.of(receipt))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within 20 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long published(String id, String marker) {
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            // Same sender, same key, same partition: anything published before the marker is read before it.
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.value().contains(marker),
                    Duration.ofSeconds(20));
            return records.stream().filter(r -> r.value().contains("\"" + id + "\"")).count();
        }
    }

    private static int post(String body) {
        return given().header("X-Api-Key", "tl-dev-only-integrator-key").contentType(ContentType.JSON).body(body)
                .post(PATH).statusCode();
    }

    private static String sms(String id, String from) {
        return """
                {"channel":"sms","providerMessageId":"%s","sender":{"address":"%s"},"text":"Parcel missing"}"""
                .formatted(id, from);
    }
}
