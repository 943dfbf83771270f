package io.threadline.ticket.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.Topics;
import io.threadline.contracts.events.EventType;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the relay publishes for the agents' events: ticket.events always, channel.outbound only for replies. */
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
                Arguments.of(reply(), EventType.REPLY_REQUESTED));
    }

    @ParameterizedTest
    @MethodSource("agentEvents")
    void everyAgentEventIsPublishedOnTicketEvents(Object payload, EventType expected) throws Exception {
        ProducerRecord<String, String> record = integrationEvents.toRecord(stored(payload)).orElseThrow();

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

    private static DomainEventMessage<?> stored(Object payload) {
        return new GenericDomainEventMessage<>("Ticket", "t-1", 4, payload, MetaData.emptyInstance(), "e-1", T);
    }
}
