package io.threadline.history.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.ContractJson;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.history.CustomerScript;
import io.threadline.history.TicketScript;
import io.threadline.history.projection.DecodedEvent;
import io.threadline.history.projection.EventDecoder;
import io.threadline.history.projection.UnusableEventException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page of the replay source read straight into decoded events gives exactly what decoding each event's JSON tree
 * gives, skips what can never be projected without losing the events after it, and reads the cursor.
 */
class ReplayPagesTest {

    private static final ObjectMapper JSON = ContractJson.newMapper();
    private final EventDecoder decoder = new EventDecoder(JSON);
    private final ReplayPages pages = new ReplayPages(JSON, decoder);
    private final CustomerScript customer = new CustomerScript("c-1", Instant.parse("2025-01-01T00:00:00Z"));
    private final TicketScript ticket = new TicketScript("c-1", "t-1", "TL-1001", "email",
            Instant.parse("2025-01-01T00:01:00Z"));

    @Test
    void decodesEveryEventAsItsTreeDecodes() throws JsonProcessingException {
        List<IntegrationEvent> events = List.of(customer.registered("email", "alice@example.com", "Alice"),
                ticket.opened("Printer"), ticket.message("alice@example.com", "Alice", "It jams"),
                ticket.reply("o-1", "Try this"), ticket.note("check the tray"),
                customer.profile("Alice A.", "en"));

        ReplayPages.Page page = pages.read(page(events.stream().map(this::json).toList(), "\"42\""));

        assertThat(page.events()).isEqualTo(events.stream().map(e -> decoder.decode(e).orElseThrow()).toList());
        assertThat(page.read()).isEqualTo(6);
        assertThat(page.skipped()).isZero();
        assertThat(page.nextCursor()).isEqualTo("42");
    }

    @Test
    void skipsWhatCanNeverBeProjectedAndReadsTheEventsAfterIt() throws JsonProcessingException {
        IntegrationEvent first = ticket.opened("Printer");
        IntegrationEvent last = ticket.message("alice@example.com", "Alice", "It jams");
        ObjectNode badPayload = (ObjectNode) JSON.readTree(json(ticket.message("alice@example.com", "Alice", "x")));
        // A nested value of the wrong shape, with more of the payload and of the envelope after it.
        ((ObjectNode) badPayload.get("payload")).putObject("receivedAt").putArray("deep").add(1).addObject().put("a", 1);
        ObjectNode noCustomer = (ObjectNode) JSON.readTree(json(ticket.note("n")));
        noCustomer.remove("customerId");
        ObjectNode unknownType = (ObjectNode) JSON.readTree(json(ticket.note("n")));
        unknownType.put("type", "TicketTeleported");

        ReplayPages.Page page = pages.read(page(List.of(json(first), JSON.writeValueAsString(badPayload), "[1, {\"a\": 2}]",
                "null", JSON.writeValueAsString(noCustomer), JSON.writeValueAsString(unknownType), json(last)), "null"));

        assertThat(page.events()).extracting(DecodedEvent::event).extracting(IntegrationEvent::eventId)
                .containsExactly(first.eventId(), last.eventId());
        assertThat(page.read()).isEqualTo(7);
        // An unknown type is not projected but not counted as skipped: it is for a newer version.
        assertThat(page.skipped()).isEqualTo(4);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aPayloadBeforeItsTypeIsDecodedToo() throws JsonProcessingException {
        IntegrationEvent event = ticket.message("alice@example.com", "Alice", "It jams");
        ObjectNode tree = (ObjectNode) JSON.readTree(json(event));
        Map<String, Object> reordered = new java.util.LinkedHashMap<>();
        reordered.put("payload", tree.get("payload"));
        tree.fields().forEachRemaining(f -> reordered.putIfAbsent(f.getKey(), f.getValue()));

        ReplayPages.Page page = pages.read(page(List.of(JSON.writeValueAsString(reordered)), "null"));

        assertThat(page.events()).containsExactly(decoder.decode(event).orElseThrow());
    }

    @Test
    void theLiveRecordDecodesAsThePageDoes() {
        IntegrationEvent event = ticket.message("alice@example.com", "Alice", "It jams");
        assertThat(decoder.decode(json(event))).contains(decoder.decode(event).orElseThrow());
        assertThatThrownBy(() -> decoder.decode("{not json")).isInstanceOf(UnusableEventException.class);
        assertThatThrownBy(() -> decoder.decode("[]")).isInstanceOf(UnusableEventException.class);
    }

    @Test
    void aMalformedPageFailsTheRebuild() {
        assertThatThrownBy(() -> pages.read("{\"events\": [{\"eventId\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Unreadable page");
    }

    private String json(IntegrationEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] page(List<String> events, String nextCursor) {
        return ("{\"events\":[" + String.join(",", new ArrayList<>(events)) + "],\"nextCursor\":" + nextCursor + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
