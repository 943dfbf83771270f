package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.ThreadingRule;
import io.threadline.ticket.ticket.api.InboundMessageRecordedEvent;
import io.threadline.ticket.ticket.api.MessageDetails;
import io.threadline.ticket.ticket.api.OpenTicketCommand;
import io.threadline.ticket.ticket.api.RecordInboundMessageCommand;
import io.threadline.ticket.ticket.api.TicketOpenedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class TicketTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private AggregateTestFixture<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
    }

    @Test
    void firstMessageOpensTheTicketAndIsRecordedAsANewTicket() {
        MessageDetails first = message("m-1");
        fixture.givenNoPriorActivity()
                .when(new OpenTicketCommand("t-1", "TL-1001", "c-1", first))
                .expectEvents(
                        new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order #4411", T),
                        new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", first, ThreadingRule.NEW_TICKET));
    }

    @Test
    void laterMessageJoinsWithTheRuleThatChoseTheTicket() {
        fixture.given(opened())
                .when(new RecordInboundMessageCommand("t-1", message("m-2"), ThreadingRule.OPEN_TICKET))
                .expectEvents(new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", message("m-2"),
                        ThreadingRule.OPEN_TICKET));
    }

    @Test
    void redeliveredMessageRecordsNothing() {
        fixture.given(opened())
                .when(new RecordInboundMessageCommand("t-1", message("m-1"), ThreadingRule.OPEN_TICKET))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static List<Object> opened() {
        return List.of(new TicketOpenedEvent("t-1", "TL-1001", "c-1", "email", "Order #4411", T),
                new InboundMessageRecordedEvent("t-1", "TL-1001", "c-1", message("m-1"), ThreadingRule.NEW_TICKET));
    }

    private static MessageDetails message(String id) {
        return new MessageDetails(id, "email", "prov-" + id, "alice@example.com", "Alice", "Order #4411", "Hello",
                List.of(), T, T);
    }
}
