package io.threadline.contracts.events;

import java.util.Arrays;
import java.util.Optional;

/** Every integration event type: its name on the wire, schema version, aggregate and payload record. */
public enum EventType {
    CUSTOMER_REGISTERED("CustomerRegistered", 1, AggregateType.CUSTOMER, CustomerRegistered.class),
    IDENTITY_LINKED("IdentityLinked", 1, AggregateType.CUSTOMER, IdentityLinked.class),
    IDENTITY_UNLINKED("IdentityUnlinked", 1, AggregateType.CUSTOMER, IdentityUnlinked.class),
    CUSTOMERS_MERGED("CustomersMerged", 1, AggregateType.CUSTOMER, CustomersMerged.class),
    CUSTOMERS_UNMERGED("CustomersUnmerged", 1, AggregateType.CUSTOMER, CustomersUnmerged.class),
    CUSTOMER_PROFILE_UPDATED("CustomerProfileUpdated", 1, AggregateType.CUSTOMER, CustomerProfileUpdated.class),
    CUSTOMER_ERASED("CustomerErased", 1, AggregateType.CUSTOMER, CustomerErased.class),
    TICKET_OPENED("TicketOpened", 2, AggregateType.TICKET, TicketOpened.class),
    MESSAGE_RECEIVED("MessageReceived", 1, AggregateType.TICKET, MessageReceived.class),
    TICKET_STATUS_CHANGED("TicketStatusChanged", 1, AggregateType.TICKET, TicketStatusChanged.class),
    TICKET_ASSIGNED("TicketAssigned", 1, AggregateType.TICKET, TicketAssigned.class),
    TICKET_PRIORITY_CHANGED("TicketPriorityChanged", 1, AggregateType.TICKET, TicketPriorityChanged.class),
    INTERNAL_NOTE_ADDED("InternalNoteAdded", 1, AggregateType.TICKET, InternalNoteAdded.class),
    REPLY_REQUESTED("ReplyRequested", 1, AggregateType.TICKET, ReplyRequested.class),
    REPLY_DELIVERY_UPDATED("ReplyDeliveryUpdated", 1, AggregateType.TICKET, ReplyDeliveryUpdated.class),
    TICKET_TAGS_CHANGED("TicketTagsChanged", 1, AggregateType.TICKET, TicketTagsChanged.class),
    TICKET_FIELDS_CHANGED("TicketFieldsChanged", 1, AggregateType.TICKET, TicketFieldsChanged.class),
    TICKETS_MERGED("TicketsMerged", 1, AggregateType.TICKET, TicketsMerged.class),
    SURVEY_ANSWERED("SurveyAnswered", 1, AggregateType.TICKET, SurveyAnswered.class);

    private final String typeName;
    private final int schemaVersion;
    private final String aggregateType;
    private final Class<?> payloadClass;

    EventType(String typeName, int schemaVersion, String aggregateType, Class<?> payloadClass) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.aggregateType = aggregateType;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public Class<?> payloadClass() {
        return payloadClass;
    }

    public static EventType of(Class<?> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payloadClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an integration event payload: " + payloadClass));
    }

    public static Optional<EventType> byName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
