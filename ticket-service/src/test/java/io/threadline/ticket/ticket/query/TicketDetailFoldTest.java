package io.threadline.ticket.ticket.query;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.contracts.events.TicketPriority;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.InternalNoteAddedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketAssignedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import io.threadline.ticket.ticket.api.TicketPriorityChangedEvent;
import io.threadline.ticket.ticket.api.TicketStatusChangedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketDetailFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void foldsStateConversationAndNotesInOrder() {
        TicketDetailFold fold = new TicketDetailFold();
        MessageDetails first = new MessageDetails("m-1", "email", "p-1", "alice@example.com", "Alice", "Order",
                "Hello", List.of(), T0, T0, null);
        List<Object> events = List.of(
                new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order", T0, null, null),
                new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", first, ThreadingRule.NEW_TICKET),
                new InternalNoteAddedEvent("t-1", "TL-1001", "c-1", "n-1", "bob", "VIP customer"),
                new ReplyRequestedEvent("t-1", "TL-1001", "c-1", "o-1", "bob", "email", "alice@example.com",
                        "Re: Order [#TL-1001]", "On it", null),
                new TicketStatusChangedEvent("t-1", "TL-1001", "c-1", TicketStatus.NEW, TicketStatus.PENDING, "bob"),
                new TicketAssignedEvent("t-1", "TL-1001", "c-1", "bob", "billing", null, null, "bob"),
                new TicketPriorityChangedEvent("t-1", "TL-1001", "c-1", TicketPriority.NORMAL, TicketPriority.HIGH,
                        "bob"));
        for (int i = 0; i < events.size(); i++) {
            fold.add(new GenericDomainEventMessage<>("Ticket", "t-1", i, events.get(i), MetaData.emptyInstance(),
                    "e-" + i, T0.plusSeconds(i)));
        }

        TicketDetail detail = fold.result().orElseThrow();

        assertThat(detail.ticket().version()).isEqualTo(6);
        assertThat(detail.ticket().status()).isEqualTo(TicketStatus.PENDING);
        assertThat(detail.ticket().priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(detail.ticket().assignee()).isEqualTo("bob");
        assertThat(detail.ticket().updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(detail.ticket().lastMessageAt()).isEqualTo(T0);
        assertThat(detail.messages()).extracting(TicketDetail.Message::direction)
                .containsExactly(TicketDetail.Direction.INBOUND, TicketDetail.Direction.OUTBOUND);
        assertThat(detail.messages().get(1).address()).isEqualTo("alice@example.com");
        assertThat(detail.notes()).containsExactly(new TicketDetail.Note("n-1", "bob", "VIP customer",
                T0.plusSeconds(2)));
    }

    @Test
    void noEventsIsNoTicket() {
        assertThat(new TicketDetailFold().result()).isEmpty();
    }
}
