package io.threadline.ticket.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.CustomersMerged;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.DeliveryStatus;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.ticket.customer.api.CustomerErasedEvent;
import io.threadline.ticket.customer.api.CustomerIdentity;
import io.threadline.ticket.customer.api.CustomerProfileUpdatedEvent;
import io.threadline.ticket.customer.api.CustomerRegisteredEvent;
import io.threadline.ticket.customer.api.CustomersMergedEvent;
import io.threadline.ticket.customer.api.CustomersUnmergedEvent;
import io.threadline.ticket.customer.api.IdentityLinkedEvent;
import io.threadline.ticket.customer.api.IdentityUnlinkedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.ReplyDeliveryUpdatedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.SurveyAnsweredEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketMergedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketReference;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the relay publishes: every ticket event on ticket.events and every customer event on customer.events (key =
 * aggregate id), and channel.outbound only for replies.
 */
class RelayMappersTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private final IntegrationEventMapper integrationEvents = new IntegrationEventMapper(JSON);
    private final OutboundMessageMapper outbound = new OutboundMessageMapper(JSON);

    static Stream<Arguments> agentEvents() {
        return Stream.of(
                Arguments.of(new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", TicketStatus.OPEN,
                        TicketStatus.SOLVED, "bob"), EventType.TICKET_STATUS_CHANGED),
                Arguments.of(new TicketAssignedEvent("t-1", "TL-1001", "c-1", "bob", "billing", null, null, "carol"),
                        EventType.TICKET_ASSIGNED),
                Arguments.of(new TicketPriorityChangedEvent("t-1", "TL-1001", "c-1", TicketPriority.NORMAL,
                        TicketPriority.LOW, "bob"), EventType.TICKET_PRIORITY_CHANGED),
                Arguments.of(new InternalNoteAddedEvent("t-1", "TL-1001", "c-1", "n-1", "bob", "secret"),
                        EventType.INTERNAL_NOTE_ADDED),
                Arguments.of(reply(), EventType.REPLY_REQUESTED),
                Arguments.of(new TicketTagsChangedEvent("t-1", "TL-1001", "c-1", List.of("vip"), List.of("vip"),
                        List.of(), "bob"), EventType.TICKET_TAGS_CHANGED),
                Arguments.of(new TicketFieldsChangedEvent("t-1", "TL-1001", "c-1", Map.of("orderId", "4411"), "bob"),
                        EventType.TICKET_FIELDS_CHANGED),
                Arguments.of(new TicketMergedEvent("t-1", "TL-1001", "c-1", new TicketReference("t-1", "TL-1001"),
                        new TicketReference("t-9", "TL-1009"), "carol"), EventType.TICKETS_MERGED),
                Arguments.of(new ReplyDeliveryUpdatedEvent("t-1", "TL-1001", "c-1", "o-1", DeliveryStatus.FAILED, "p-1",
                        "550"), EventType.REPLY_DELIVERY_UPDATED),
                Arguments.of(new SurveyAnsweredEvent("t-1", "TL-1001", "c-1", "s-1", SurveyKind.CSAT, 5, null, T),
                        EventType.SURVEY_ANSWERED));
    }

    static Stream<Arguments> customerEvents() {
        CustomerIdentity chat = new CustomerIdentity("chat", "visitor-7", false, "first message");
        return Stream.of(
                Arguments.of(new CustomerRegisteredEvent("c-1", "email", "alice@example.com", "Alice"),
                        EventType.CUSTOMER_REGISTERED),
                Arguments.of(new IdentityLinkedEvent("c-1", "sms", "+15550100", true, "code", "bob"),
                        EventType.IDENTITY_LINKED),
                Arguments.of(new IdentityUnlinkedEvent("c-1", "sms", "+15550100", "bob"), EventType.IDENTITY_UNLINKED),
                Arguments.of(new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", List.of(chat), "carol"),
                        EventType.CUSTOMERS_MERGED),
                Arguments.of(new CustomersUnmergedEvent("c-1", "c-1", "c-2", "mg-1", List.of(chat), "carol"),
                        EventType.CUSTOMERS_UNMERGED),
                Arguments.of(new CustomerProfileUpdatedEvent("c-1", "Alice", "fr", "Europe/Paris", Map.of(), "bob"),
                        EventType.CUSTOMER_PROFILE_UPDATED),
                Arguments.of(new CustomerErasedEvent("c-1", "root"), EventType.CUSTOMER_ERASED));
    }

    @ParameterizedTest
    @MethodSource("customerEvents")
    void everyCustomerEventIsPublishedOnCustomerEvents(Object payload, EventType expected) throws Exception {
        DomainEventMessage<?> stored = new GenericDomainEventMessage<>("Customer", "c-1", 2, payload,
                MetaData.emptyInstance(), "e-2", T);
        ProducerRecord<String, String> record = published(stored);

        IntegrationEvent event = JSON.readValue(record.value(), IntegrationEvent.class);
        assertThat(record.topic()).isEqualTo(Topics.CUSTOMER_EVENTS);
        assertThat(record.key()).isEqualTo("c-1");
        assertThat(event.type()).isEqualTo(expected.typeName());
        assertThat(event.aggregateType()).isEqualTo("Customer");
        assertThat(event.payloadAs(JSON).orElseThrow()).isInstanceOf(expected.payloadClass());
    }

    @Test
    void aMergeOfAnErasedCustomerIsPublishedWithoutItsIdentities() throws Exception {
        // Erasure destroys the key: the moved identities (personal data) read back as null.
        DomainEventMessage<?> stored = new GenericDomainEventMessage<>("Customer", "c-1", 2,
                new CustomersMergedEvent("c-1", "c-1", "c-2", "mg-1", null, "carol"), MetaData.emptyInstance(), "e-3", T);

        IntegrationEvent event = JSON.readValue(published(stored).value(), IntegrationEvent.class);

        assertThat(((CustomersMerged) event.payloadAs(JSON).orElseThrow()).movedIdentities()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("agentEvents")
    void everyAgentEventIsPublishedOnTicketEvents(Object payload, EventType expected) throws Exception {
        ProducerRecord<String, String> record = published(stored(payload));

        IntegrationEvent event = JSON.readValue(record.value(), IntegrationEvent.class);
        assertThat(record.topic()).isEqualTo(Topics.TICKET_EVENTS);
        assertThat(record.key()).isEqualTo("t-1");
        assertThat(event.type()).isEqualTo(expected.typeName());
        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.aggregateSequence()).isEqualTo(4);
        assertThat(event.payloadAs(JSON).orElseThrow()).isInstanceOf(expected.payloadClass());
    }

    @ParameterizedTest
    @MethodSource("agentEvents")
    void onlyAReplyLeavesOnChannelOutbound(Object payload, EventType type) {
        assertThat(outbound.toRecord(stored(payload)).isPresent()).isEqualTo(type == EventType.REPLY_REQUESTED);
    }

    @Test
    void replyBecomesTheOutboundMessageForItsChannelAndRecipient() throws Exception {
        ProducerRecord<String, String> record = outbound.toRecord(stored(reply())).orElseThrow();

        assertThat(record.topic()).isEqualTo(Topics.CHANNEL_OUTBOUND);
        assertThat(record.key()).isEqualTo("t-1");
        assertThat(JSON.readValue(record.value(), OutboundMessage.class)).isEqualTo(new OutboundMessage("o-1", "t-1",
                "TL-1001", "c-1", "sms", "+15550100", null, "Re: Order [#TL-1001]", "On it", null, T));
    }

    private static ReplyRequestedEvent reply() {
        return new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "sms", "+15550100",
                "Re: Order [#TL-1001]", "On it", null);
    }

    private ProducerRecord<String, String> published(DomainEventMessage<?> stored) {
        return integrationEvents.toEvent(stored).map(integrationEvents::toRecord).orElseThrow();
    }

    private static DomainEventMessage<?> stored(Object payload) {
        return new GenericDomainEventMessage<>("Ticket", "t-1", 4, payload, MetaData.emptyInstance(), "e-1", T);
    }
}
