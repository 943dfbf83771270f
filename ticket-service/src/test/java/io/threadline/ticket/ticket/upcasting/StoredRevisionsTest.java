package io.threadline.ticket.ticket.upcasting;

import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored by earlier revisions, as JSON exactly as they were written, still load as today's classes. */
class StoredRevisionsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(ContractJson.newMapper()).build();

    @Test
    void ticketOpenedRevision1LoadsAsNoFollowUp() throws IOException {
        assertThat(load(TicketOpenedEvent.class, "1")).isEqualTo(new TicketOpenedEvent("t-1", "TL-1001", "c-1",
                "email", "Order #4411 arrived damaged", T, null, null));
    }

    @Test
    void inboundMessageRevision1LoadsWithoutThreadReferences() throws IOException {
        MessageDetails message = new MessageDetails("m-1", "email", "<a1@mail.test>", "alice@example.com", "Alice",
                "Order #4411 arrived damaged", "The mug arrived in pieces.", List.of(), T, T.plusSeconds(1), null);
        assertThat(load(InboundMessageRecordedEvent.class, "1")).isEqualTo(new InboundMessageRecordedEvent("t-1",
                "TL-1001", "c-1", message, ThreadingRule.NEW_TICKET));
    }

    @Test
    void replyRevision1LoadsWithoutThreadReferences() throws IOException {
        assertThat(load(ReplyRequestedEvent.class, "1")).isEqualTo(new ReplyRequestedEvent("t-1", "TL-1001", "c-1",
                "o-1", "bob", "email", "alice@example.com", "Re: Order #4411 arrived damaged [#TL-1001]",
                "A new mug is on its way.", null));
    }

    @Test
    void currentRevisionsPassUnchanged() {
        TicketOpenedEvent current = new TicketOpenedEvent("t-2", "TL-1002", "c-1", "email", "Again", T, "t-1",
                "TL-1001");
        String json = serializer.serialize(current, String.class).getData();
        assertThat(deserialize(TicketOpenedEvent.class.getName(), "2", json)).isEqualTo(current);
    }

    private Object load(Class<?> type, String revision) throws IOException {
        String resource = "/stored-events/" + type.getSimpleName() + "-" + revision + ".json";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return deserialize(type.getName(), revision, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Object deserialize(String type, String revision, String json) {
        var stored = new GenericDomainEventEntry<>("Ticket", "t-1", 0, "e-1", T, type, revision, json, "{}");
        var events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                TicketEventUpcasters.chain());
        DomainEventMessage<?> event = events.next();
        return event.getPayload();
    }
}
