package io.threadline.history.projection;

import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.TicketScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The ticket spans of a history head: the same whatever the order and number of deliveries. */
class HistoryChangesTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final EventDecoder decoder = new EventDecoder(ContractJson.newMapper());

    @Test
    void spansAndKeysDependOnTheEventsAloneNotOnTheirOrderOrRepetition() {
        TicketScript ticket = new TicketScript("c-1", "t-1", "TL-1", "email", T0);
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(ticket.message("alice@example.com", "Alice", "m" + i));
        }
        // Only some events make the day's entries here: gaps up to SPAN_GAP share a span, a wider one starts another.
        List<IntegrationEvent> withEntries = new ArrayList<>(events.subList(0, 5));
        withEntries.addAll(events.subList(5 + (int) HistoryChanges.SPAN_GAP - 1, 20));
        withEntries.addAll(events.subList(31, 40));

        CustomerHistory inOrder = applyAll(withEntries);
        assertThat(inOrder.days()).extracting(CustomerHistory.TicketDay::fromSeq, CustomerHistory.TicketDay::toSeq)
                .containsExactly(tuple(1L, 20L), tuple(32L, 40L));

        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            List<IntegrationEvent> shuffled = new ArrayList<>(withEntries);
            shuffled.addAll(withEntries.subList(0, random.nextInt(withEntries.size())));
            Collections.shuffle(shuffled, random);
            assertThat(applyAll(shuffled)).isEqualTo(inOrder);
        }
    }

    @Test
    void theKeyOfAnEntryIsMadeOfItsDayCustomerTicketAndSequence() {
        TicketScript ticket = new TicketScript("c|1", "t-1", "TL-1", "email", T0);
        ticket.opened("Mug");
        DecodedEvent message = decoder.decode(ticket.message("alice@example.com", "Alice", "hi")).orElseThrow();
        long day = EntryKeys.dayOf(message.entry().occurredAt());
        assertThat(HistoryChanges.entryKey(message.event(), message.entry())).isEqualTo(day + "|c%7C1|t-1|2");
        CustomerHistory applied = HistoryChanges.apply(CustomerHistory.empty("c|1"), message.event(),
                message.payload(), message.entry());
        assertThat(applied.days()).containsExactly(new CustomerHistory.TicketDay(day, "t-1", 2, 2));
        assertThat(HistoryChanges.apply(applied, message.event(), message.payload(), message.entry()))
                .isEqualTo(applied);
    }

    private CustomerHistory applyAll(List<IntegrationEvent> events) {
        CustomerHistory history = CustomerHistory.empty("c-1");
        for (IntegrationEvent event : events) {
            DecodedEvent decoded = decoder.decode(event).orElseThrow();
            history = HistoryChanges.apply(history, decoded.event(), decoded.payload(), decoded.entry());
        }
        return history;
    }
}
