package io.threadline.history.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadline.contracts.events.IntegrationEvent;

import java.util.List;
import java.util.Map;

/**
 * Events as ticket-service's replay source serves them once a customer is erased: the stored personal fields of that
 * customer's events (sealed with the customer's key, see ticket-service's {@code @PersonalData}) come back absent.
 */
final class ReplayedEvents {

    /** Per event type, the payload fields ticket-service stores as personal data ("a.b" names a nested field). */
    private static final Map<String, List<String>> PERSONAL_FIELDS = Map.ofEntries(
            Map.entry("CustomerRegistered", List.of("identity.address", "displayName")),
            Map.entry("IdentityLinked", List.of("identity.address", "evidence")),
            Map.entry("IdentityUnlinked", List.of("identity.address")),
            Map.entry("CustomersMerged", List.of("movedIdentities")),
            Map.entry("CustomersUnmerged", List.of("returnedIdentities")),
            Map.entry("CustomerProfileUpdated", List.of("name", "attributes")),
            Map.entry("TicketOpened", List.of("subject")),
            Map.entry("MessageReceived", List.of("sender.address", "sender.displayName", "subject", "text",
                    "attachments")),
            Map.entry("ReplyRequested", List.of("recipient", "subject", "text")),
            Map.entry("InternalNoteAdded", List.of("body")),
            Map.entry("TicketFieldsChanged", List.of("fields")),
            Map.entry("SurveyAnswered", List.of("comment")));

    private ReplayedEvents() {
    }

    static List<IntegrationEvent> afterErasureOf(String customerId, List<IntegrationEvent> stored) {
        return stored.stream().map(e -> customerId.equals(e.customerId()) ? withoutPersonalData(e) : e).toList();
    }

    private static IntegrationEvent withoutPersonalData(IntegrationEvent event) {
        ObjectNode payload = event.payload().deepCopy();
        for (String path : PERSONAL_FIELDS.getOrDefault(event.type(), List.of())) {
            String[] names = path.split("\\.");
            JsonNode parent = payload;
            for (int i = 0; i < names.length - 1 && parent != null; i++) {
                parent = parent.get(names[i]);
            }
            if (parent instanceof ObjectNode object && object.has(names[names.length - 1])) {
                object.putNull(names[names.length - 1]);
            }
        }
        return new IntegrationEvent(event.eventId(), event.type(), event.schemaVersion(), event.aggregateType(),
                event.aggregateId(), event.aggregateSequence(), event.occurredAt(), event.customerId(), payload);
    }
}
