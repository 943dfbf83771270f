package io.threadline.ticket.ticket.upcasting;

import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.ReplyRequestedEvent;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/** Every change of a Ticket event's shape, oldest first: stored events of any revision still load. */
public final class TicketEventUpcasters {

    private TicketEventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                // Revision 2: a follow-up names the CLOSED ticket it continues.
                new FieldsAddedUpcaster(TicketOpenedEvent.class, "1", "2",
                        List.of("followUpOfTicketId", "followUpOfTicketNumber")),
                // Revision 2: a message keeps its thread references, so replies answer into the thread.
                new FieldsAddedUpcaster(InboundMessageRecordedEvent.class, "1", "2", List.of("message.thread")),
                new FieldsAddedUpcaster(ReplyRequestedEvent.class, "1", "2", List.of("thread")));
    }
}
