package io.threadline.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.threadline.contracts.events.CustomerErased;
import io.threadline.contracts.events.CustomerProfileUpdated;
import io.threadline.contracts.events.CustomerRegistered;
import io.threadline.contracts.events.CustomersMerged;
import io.threadline.contracts.events.CustomersUnmerged;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.Identity;
import io.threadline.contracts.events.IdentityLinked;
import io.threadline.contracts.events.IdentityUnlinked;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.InternalNoteAdded;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyDeliveryUpdated;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketFieldsChanged;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketTagsChanged;
import io.threadline.contracts.events.TicketsMerged;
import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.InboundMessage;
import io.threadline.contracts.inbound.Participant;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.DeliveryReceipt;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.contracts.outbound.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The checked-in JSON Schemas and the Java records describe the same messages. */
class SchemaConformanceTest {

    private static final ObjectMapper MAPPER = ContractJson.newMapper();
    private static final Instant T = Instant.parse("2026-11-02T09:15:30Z");

    static Stream<Arguments> samples() {
        var sender = new Participant("alice@example.com", "Alice Example");
        var attachment = new AttachmentMetadata("invoice.pdf", "application/pdf", 48213,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "s3://threadline/att/1");
        var thread = new ThreadReferences("<m2@example.com>", "<m1@example.com>", List.of("<m1@example.com>"), null, null);
        return Stream.of(
                Arguments.of("inbound-message", new InboundMessage("m2@example.com", "email", "support@acme.test",
                        sender, List.of(new Participant("support@acme.test", "Acme Support")), thread,
                        "Invoice question", "Hello", "<p>Hello</p>", List.of(attachment), T, T,
                        Map.of("spamScore", "0.1"))),
                Arguments.of("customer-registered",
                        new CustomerRegistered("c-1", new Identity("email", "alice@example.com", false), "Alice")),
                Arguments.of("identity-linked", new IdentityLinked("c-1", new Identity("sms", "+15550100", true),
                        "customer confirmed by SMS code", "bob")),
                Arguments.of("identity-unlinked",
                        new IdentityUnlinked("c-1", new Identity("sms", "+15550100", true), "bob")),
                Arguments.of("customers-merged", new CustomersMerged("c-1", "c-1", "c-2", "mg-1",
                        List.of(new Identity("chat", "visitor-7", false)), "carol")),
                Arguments.of("customers-unmerged", new CustomersUnmerged("c-2", "c-1", "c-2", "mg-1",
                        List.of(new Identity("chat", "visitor-7", false)), "carol")),
                Arguments.of("customer-profile-updated", new CustomerProfileUpdated("c-1", "Alice Martin", "fr",
                        "Europe/Paris", Map.of("plan", "pro"), "bob")),
                Arguments.of("customer-erased", new CustomerErased("c-1", "admin")),
                Arguments.of("ticket-opened", new TicketOpened("t-2", "TL-1002", "c-1", "email", "Invoice question",
                        "t-1", "TL-1001")),
                Arguments.of("ticket-tags-changed", new TicketTagsChanged("t-1", "TL-1001", List.of("billing", "vip"),
                        List.of("vip"), List.of(), "bob")),
                Arguments.of("ticket-fields-changed", new TicketFieldsChanged("t-1", "TL-1001",
                        Map.of("orderId", "4411"), "bob")),
                Arguments.of("tickets-merged", new TicketsMerged("t-2", "TL-1002", "t-2", "TL-1002", "t-1", "TL-1001",
                        "carol")),
                Arguments.of("reply-delivery-updated", new ReplyDeliveryUpdated("t-1", "TL-1001", "o-1",
                        DeliveryStatus.FAILED, null, "mailbox full")),
                Arguments.of("survey-answered", new SurveyAnswered("t-1", "TL-1001", "s-1", SurveyKind.CSAT, 5,
                        "Quick and kind", T)),
                Arguments.of("message-received", new MessageReceived("t-1", "TL-1001", "msg-1", "email",
                        "m2@example.com", sender, "Invoice question", "Hello", List.of(attachment), T, T,
                        ThreadingRule.NEW_TICKET)),
                Arguments.of("ticket-status-changed", new TicketStatusChanged("t-1", "TL-1001", TicketStatus.PENDING,
                        TicketStatus.OPEN, null)),
                Arguments.of("ticket-assigned", new TicketAssigned("t-1", "TL-1001", "bob", "billing", null, null,
                        "carol")),
                Arguments.of("ticket-priority-changed", new TicketPriorityChanged("t-1", "TL-1001",
                        TicketPriority.NORMAL, TicketPriority.URGENT, "bob")),
                Arguments.of("internal-note-added", new InternalNoteAdded("t-1", "TL-1001", "n-1", "bob",
                        "Refund approved by finance")),
                Arguments.of("reply-requested", new ReplyRequested("t-1", "TL-1001", "o-1", "bob", "email",
                        "alice@example.com", "Re: Invoice question [#TL-1001]", "Hi Alice")),
                Arguments.of("outbound-message", new OutboundMessage("o-1", "t-1", "c-1", "email",
                        "alice@example.com", thread, "Re: Invoice question [#TL-1001]", "Hi Alice", null, T)),
                Arguments.of("delivery-receipt",
                        new DeliveryReceipt("o-1", DeliveryStatus.FAILED, "prov-9", "mailbox full", T)),
                Arguments.of("integration-event", IntegrationEvent.wrap("e-1", "t-1", 0, T, "c-1",
                        new TicketOpened("t-1", "TL-1001", "c-1", "email", "Invoice question", null, null), MAPPER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordSerializesToValidJson(String schemaName, Record sample) throws IOException {
        Set<ValidationMessage> errors = schema(schemaName).validate(MAPPER.valueToTree(sample));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void schemaDeclaresExactlyTheRecordComponents(String schemaName, Record sample) throws IOException {
        Set<String> components = Arrays.stream(sample.getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());
        Set<String> declared = new HashSet<>();
        schemaJson(schemaName).get("properties").fieldNames().forEachRemaining(declared::add);
        assertThat(declared).isEqualTo(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void recordRoundTripsThroughJson(String schemaName, Record sample) throws IOException {
        String json = MAPPER.writeValueAsString(sample);
        assertThat(MAPPER.readValue(json, sample.getClass())).isEqualTo(sample);
    }

    @Test
    void everyEventTypeHasASchemaFile() {
        for (EventType type : EventType.values()) {
            String file = "/schemas/" + kebab(type.typeName()) + ".schema.json";
            assertThat(getClass().getResource(file)).as(file).isNotNull();
        }
    }

    @Test
    void everyEventTypeHasASample() {
        Set<Class<?>> sampled = samples().map(a -> a.get()[1].getClass()).collect(Collectors.toSet());
        for (EventType type : EventType.values()) {
            assertThat(sampled).as(type.typeName()).contains(type.payloadClass());
        }
    }

    @Test
    void schemaRejectsAMessageWithoutItsRequiredFields() throws IOException {
        ObjectNode inbound = (ObjectNode) samples().findFirst().map(a -> MAPPER.valueToTree(a.get()[1])).orElseThrow();
        inbound.remove("sender");
        inbound.put("channel", "E-Mail");

        Set<String> problems = schema("inbound-message").validate(inbound).stream()
                .map(ValidationMessage::getMessage).collect(Collectors.toSet());

        assertThat(problems).anyMatch(p -> p.contains("sender")).anyMatch(p -> p.contains("channel"));
    }

    private static JsonSchema schema(String name) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson(name));
    }

    private static JsonNode schemaJson(String name) throws IOException {
        try (InputStream in = SchemaConformanceTest.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            assertThat(in).as("schema " + name).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    private static String kebab(String typeName) {
        return typeName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
