package io.threadline.ticket.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.testsupport.StandInMongo;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.threadline.contracts.events.TicketStatus.NEW;
import static io.threadline.contracts.events.TicketStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal data is stored sealed with the customer's key, reads back while the key lives, and never after. */
@ExtendWith(StandInMongo.class)
class PersonalDataSerializerTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ObjectMapper json = ContractJson.newMapper();
    private CustomerKeys keys;
    private PersonalDataSerializer serializer;

    @BeforeEach
    void setUp(MongoDatabase database) {
        database.drop();
        keys = new CustomerKeys(database, MASTER_KEY, 100);
        serializer = new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(json).build(), json, keys);
    }

    @Test
    void personalFieldsAreStoredSealedAndReadBackWhileTheKeyLives() {
        InboundMessageRecordedEvent event = message("c-1");

        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getData())
                .contains("\"customerId\":\"c-1\"", "\"ticketNumber\":\"TL-1001\"", "$sealed", "\"channel\":\"email\"")
                .doesNotContain("alice@example.com", "Alice Martin", "mug arrived in pieces", "invoice.pdf",
                        "Order #4411");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void afterErasureThePersonalFieldsReadAsAbsentAndTheFactsRemain() {
        SerializedObject<String> alice = serializer.serialize(message("c-1"), String.class);
        SerializedObject<String> bob = serializer.serialize(message("c-2"), String.class);

        keys.destroy("c-1");
        InboundMessageRecordedEvent erased = serializer.deserialize(alice);

        MessageDetails m = erased.message();
        assertThat(m.fromAddress()).isNull();
        assertThat(m.fromName()).isNull();
        assertThat(m.subject()).isNull();
        assertThat(m.text()).isNull();
        assertThat(m.attachments()).isNull();
        assertThat(m.channel()).isEqualTo("email");
        assertThat(m.receivedAt()).isEqualTo(T);
        assertThat(erased.ticketNumber()).isEqualTo("TL-1001");
        assertThat(erased.threadingRule()).isEqualTo(ThreadingRule.NEW_TICKET);
        assertThat((Object) serializer.deserialize(bob)).isEqualTo(message("c-2"));
        // Nothing new is sealed for an erased customer: its personal data is not stored at all.
        assertThat(serializer.serialize(message("c-1"), String.class).getData()).doesNotContain("$sealed", "Alice");
    }

    @Test
    void identitiesAMergeMovedStayTheMergedCustomersAndGoWithItsErasure() {
        List<CustomerIdentity> bobs = List.of(new CustomerIdentity("sms", "+15550001", false, "same order number"));
        // Recorded on the survivor (c-1) and on the merged customer (c-2), then undone.
        CustomersMergedEvent onSurvivor = new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", bobs, "sue");
        CustomersMergedEvent onMerged = new CustomersMergedEvent("c-2", "c-1", "c-2", "mg-1", bobs, "sue");
        CustomersUnmergedEvent undone = new CustomersUnmergedEvent("c-1", "c-1", "c-2", "mg-1", bobs, "sue");
        SerializedObject<String> merged = serializer.serialize(onSurvivor, String.class);
        SerializedObject<String> mergedOnBob = serializer.serialize(onMerged, String.class);
        SerializedObject<String> unmerged = serializer.serialize(undone, String.class);
        assertThat(merged.getData()).contains("\"$owner\":\"c-2\"").doesNotContain("+15550001");
        assertThat(mergedOnBob.getData()).contains("$sealed").doesNotContain("$owner", "+15550001");
        assertThat((Object) serializer.deserialize(merged)).isEqualTo(onSurvivor);

        // The survivor's erasure does not take them: they are not its data.
        keys.destroy("c-1");
        assertThat((Object) serializer.deserialize(merged)).isEqualTo(onSurvivor);

        // The merged customer's erasure (after the unmerge, it is erased on its own) takes them everywhere.
        keys.destroy("c-2");
        CustomersMergedEvent survivorsRecord = serializer.deserialize(merged);
        CustomersUnmergedEvent survivorsUndo = serializer.deserialize(unmerged);
        CustomersMergedEvent mergedRecord = serializer.deserialize(mergedOnBob);
        assertThat(survivorsRecord.movedIdentities()).isEmpty();
        assertThat(survivorsRecord.mergeId()).isEqualTo("mg-1");
        assertThat(survivorsRecord.mergedCustomerId()).isEqualTo("c-2");
        assertThat(survivorsUndo.returnedIdentities()).isEmpty();
        assertThat(mergedRecord.movedIdentities()).isEmpty();
    }

    @Test
    void aMergeStoredBeforeOwnersExistedStillOpensWithTheSurvivorsKey() throws Exception {
        List<CustomerIdentity> bobs = List.of(new CustomerIdentity("sms", "+15550001", false, "same order number"));
        CustomersMergedEvent onSurvivor = new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", bobs, "sue");
        SerializedObject<String> stored = serializer.serialize(onSurvivor, String.class);
        // What an earlier version stored: the identities sealed with the event customer's key, no owner named.
        ObjectNode earlier = (ObjectNode) json.readTree(stored.getData());
        String sealedBySurvivor = new Sealing(keys.keyFor("c-1").orElseThrow()).seal(json.writeValueAsBytes(bobs));
        earlier.putObject("movedIdentities").put("$sealed", sealedBySurvivor);

        CustomersMergedEvent read = serializer.deserialize(
                new SimpleSerializedObject<>(json.writeValueAsString(earlier), String.class, stored.getType()));

        assertThat(read).isEqualTo(onSurvivor);
    }

    @Test
    void eventsWithoutPersonalDataPassThroughUnchanged() {
        TicketStatusChangedEvent event = new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", NEW, OPEN, "bob");
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getData()).doesNotContain("$sealed").contains("\"changedBy\":\"bob\"");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    private static InboundMessageRecordedEvent message(String customerId) {
        MessageDetails details = new MessageDetails("m-1", "email", "<a1@mail.test>", "alice@example.com",
                "Alice Martin", "Order #4411", "The mug arrived in pieces.",
                List.of(new AttachmentMetadata("invoice.pdf", "application/pdf", 1200, "ab12", "s3://att/1")), T, T,
                null);
        return new InboundMessageRecordedEvent("t-1", "TL-1001", customerId, details, ThreadingRule.NEW_TICKET);
    }
}
