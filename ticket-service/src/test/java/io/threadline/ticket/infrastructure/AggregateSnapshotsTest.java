package io.threadline.ticket.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.ticket.ticket.api.AddInternalNoteCommand;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketFieldsChangedEvent;
import io.threadline.ticket.ticket.api.TicketTagsChangedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import io.threadline.ticket.ticket.command.Ticket;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot holds the whole aggregate: loaded back, it is the same ticket, field for field. */
class AggregateSnapshotsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void ticketSurvivesASnapshotRoundTrip() {
        Serializer snapshots = AggregateSnapshots.serializer(new ObjectMapper());
        MessageDetails first = new MessageDetails("m-1", "email", "<a1@mail.test>", "alice@example.com", "Alice",
                "Order", "Hello", List.of(), T, T, new ThreadReferences("<a1@mail.test>", null, List.of(), null, null));
        AtomicReference<Ticket> state = new AtomicReference<>();
        new AggregateTestFixture<>(Ticket.class)
                .given(new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order", T, null, null),
                        new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", first, ThreadingRule.NEW_TICKET),
                        new TicketAssignedEvent("t-1", "TL-1001", "c-1", "bob", "billing", null, null, "bob"),
                        new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", TicketStatus.NEW, TicketStatus.SOLVED,
                                "bob"),
                        new TicketTagsChangedEvent("t-1", "TL-1001", "c-1", List.of("vip"), List.of("vip"), List.of(),
                                "bob"),
                        new TicketFieldsChangedEvent("t-1", "TL-1001", "c-1", Map.of("orderId", "4411"), "bob"))
                .when(new AddInternalNoteCommand("t-1", "n-1", "bob", "Checked", null))
                .expectState(state::set);

        SerializedObject<String> snapshot = snapshots.serialize(state.get(), String.class);
        Ticket restored = snapshots.deserialize(snapshot);

        assertThat(snapshot.getData()).contains("\"ticketNumber\":\"TL-1001\"", "\"assignee\":\"bob\"",
                "<a1@mail.test>");
        assertThat(restored).usingRecursiveComparison().isEqualTo(state.get());
    }
}
