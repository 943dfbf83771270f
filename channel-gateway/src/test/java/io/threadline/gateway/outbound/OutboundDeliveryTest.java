package io.threadline.gateway.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.Topics;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.InjectGreenMail;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import io.threadline.testsupport.TopicWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.threadline.gateway.testing.DeliveryTopics.publish;
import static io.threadline.gateway.testing.DeliveryTopics.receiptsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** channel.outbound to the provider and channel.delivery: SMTP into GreenMail, retries, failures, redelivery. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
class OutboundDeliveryTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    FlakySender flaky;

    @Inject
    MeterRegistry metrics;

    @Test
    void anEmailReplyIsSentWithThreadingHeadersAndTheTicketToken() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();
        String customer = "alice-" + UUID.randomUUID() + "@example.com";
        OutboundMessage reply = new OutboundMessage(outboundId, "t-1", "TL-1042", "c-1", "email", customer,
                new ThreadReferences("<m2@example.com>", "<m1@example.com>", List.of("<m0@example.com>"), null, null),
                "Re: Broken mug", "Hi Alice,\nwe are sending a new mug.", null, Instant.now());

        publish(reply);

        JsonNode receipt = receiptOf(outboundId);
        assertThat(receipt.get("status").asText()).isEqualTo("SENT");
        assertThat(receipt.get("providerMessageId").asText()).isEqualTo("<" + outboundId + "@threadline.local>");
        MimeMessage sent = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> hasRecipient(m, customer)).findFirst().orElseThrow();
        assertThat(sent.getMessageID()).isEqualTo("<" + outboundId + "@threadline.local>");
        assertThat(sent.getSubject()).isEqualTo("Re: Broken mug [#TL-1042]");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<m2@example.com>");
        assertThat(sent.getHeader("References", null)).isEqualTo("<m0@example.com> <m2@example.com>");
        assertThat(sent.getFrom()[0].toString()).isEqualTo("Acme Support <support@acme.test>");
        assertThat(((String) sent.getContent()).strip()).isEqualTo("Hi Alice,\r\nwe are sending a new mug.");
    }

    @Test
    void aRedeliveredReplyIsNotSentAgain() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();
        String customer = "bob-" + UUID.randomUUID() + "@example.com";
        OutboundMessage reply = new OutboundMessage(outboundId, "t-2", "TL-1043", "c-2", "email", customer, null,
                "Re: Refund [#TL-1043]", "Refund issued.", null, Instant.now());

        publish(reply);
        receiptOf(outboundId);
        publish(reply);
        assertThat(receiptsOf(outboundId, 2)).extracting(r -> r.get("status").asText()).containsExactly("SENT", "SENT");

        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> hasRecipient(m, customer))).hasSize(1);
    }

    @Test
    void transientFailuresAreRetriedAndPermanentOnesReachTheTicket() throws Exception {
        String recovers = "o-" + UUID.randomUUID();
        String down = "o-" + UUID.randomUUID();
        String rejected = "o-" + UUID.randomUUID();
        String unknownChannel = "o-" + UUID.randomUUID();
        publish(flaky(recovers, "fail-twice"));
        publish(flaky(down, "always-down"));
        publish(flaky(rejected, "rejected"));
        publish(new OutboundMessage(unknownChannel, "t-3", "c-3", "carrier-pigeon", "coop 7", null, null, "Hi", null,
                Instant.now()));

        assertThat(receiptOf(recovers).get("status").asText()).isEqualTo("SENT");
        assertThat(flaky.attemptsFor(recovers)).isEqualTo(3);
        JsonNode gaveUp = receiptOf(down);
        assertThat(gaveUp.get("status").asText()).isEqualTo("FAILED");
        assertThat(gaveUp.get("error").asText()).isEqualTo("provider down (gave up after 3 attempts)");
        assertThat(receiptOf(rejected).get("error").asText()).isEqualTo("recipient blocked");
        assertThat(flaky.attemptsFor(rejected)).isEqualTo(1);
        assertThat(receiptOf(unknownChannel).get("error").asText()).contains("no adapter delivers channel 'carrier-pigeon'");

        // Per channel and outcome, as operators graph throughput and failure rates.
        assertThat(deliveries("flaky", "sent")).isGreaterThanOrEqualTo(1);
        assertThat(deliveries("flaky", "failed")).isGreaterThanOrEqualTo(2);
        assertThat(deliveries("carrier-pigeon", "failed")).isGreaterThanOrEqualTo(1);
        assertThat(deliveries("carrier-pigeon", "sent")).isZero();
    }

    private double deliveries(String channel, String outcome) {
        return metrics.counter("threadline.gateway.outbound.deliveries", "channel", channel, "outcome", outcome).count();
    }

    @Test
    void anInvalidEmailAddressFailsPermanently() throws Exception {
        String outboundId = "o-" + UUID.randomUUID();
        publish(new OutboundMessage(outboundId, "t-4", "c-4", "email", "not an address@@", null, "Re: x", "Hello",
                null, Instant.now()));

        JsonNode receipt = receiptOf(outboundId);
        assertThat(receipt.get("status").asText()).isEqualTo("FAILED");
        assertThat(receipt.get("error").asText()).startsWith("invalid recipient address");
    }

    @Test
    void aRecordThatIsNotAReplyGoesToTheDeadLetterTopic() {
        String marker = "garbage-" + UUID.randomUUID();
        try (TopicWriter writer = TopicWriter.of()) {
            writer.send(Topics.CHANNEL_OUTBOUND, "t-5", "{\"note\":\"" + marker + "\"");
        }
        try (TopicReader reader = TopicReader.of(Topics.deadLetter(Topics.CHANNEL_OUTBOUND))) {
            assertThat(reader.readUntil(r -> r.value().contains(marker), Duration.ofSeconds(30))).isNotEmpty();
        }
    }

    private static OutboundMessage flaky(String outboundId, String recipient) {
        return new OutboundMessage(outboundId, "t-3", "c-3", "flaky", recipient, null, null, "Hello", null,
                Instant.now());
    }

    private static boolean hasRecipient(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static JsonNode receiptOf(String outboundId) throws Exception {
        return receiptsOf(outboundId, 1).get(0);
    }
}
