package io.threadline.gateway.email;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.contracts.Topics;
import io.threadline.gateway.email.imap.MailboxPolling;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.InjectGreenMail;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway polls GreenMail's IMAP mailbox: each message published once, also across a restart of the poller. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
class ImapPollingTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    MailboxPolling polling;

    @Inject
    MongoClient mongo;

    @Test
    void newMailIsPublishedOnceAndThePositionSurvivesARestart() throws Exception {
        String first = deliver("first");
        String second = deliver("second");
        awaitPublished(first, second);

        restart(polling);
        String third = deliver("third");

        List<ConsumerRecord<String, String>> records = awaitPublished(third);
        // Give a restarted poller that had lost its place time to publish the first two again.
        Thread.sleep(2_500);
        String marker = deliver("marker");
        records = awaitPublished(marker);
        for (String id : List.of(first, second, third)) {
            assertThat(records.stream().filter(r -> r.value().contains(id))).as(id).hasSize(1);
        }
        Document position = mongo.getDatabase("threadline-gateway").getCollection("imap_positions")
                .find(Filters.eq("_id", "support")).first();
        assertThat(position.getLong("lastUid")).isGreaterThanOrEqualTo(4);
        assertThat(position.getLong("uidValidity")).isPositive();
        assertThat(records.stream().filter(r -> r.value().contains(first)).findFirst().orElseThrow().value())
                .contains("\"inbox\":\"support@acme.test\"");
    }

    private String deliver(String text) throws Exception {
        String id = "<" + UUID.randomUUID() + "@mail.example.com>";
        GreenMailUser support = greenMail.getUserManager().getUser(GreenMailResource.SUPPORT);
        support.deliver(GreenMailUtil.newMimeMessage(EmailWebhookTest.mail(id, "dora@example.com", "Via IMAP", text, "")));
        return id;
    }

    private static List<ConsumerRecord<String, String>> awaitPublished(String... ids) {
        try (TopicReader reader = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            String last = ids[ids.length - 1];
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.value().contains(last),
                    Duration.ofSeconds(30));
            for (String id : ids) {
                records = reader.readUntil(r -> r.value().contains(id), Duration.ofSeconds(30));
            }
            return records;
        }
    }

    /** Stops the pollers as a shutdown does and starts new ones, as a restarted replica would. */
    private static void restart(MailboxPolling polling) throws InterruptedException {
        polling.stop();
        Thread.sleep(1_500);
        polling.start();
    }
}
