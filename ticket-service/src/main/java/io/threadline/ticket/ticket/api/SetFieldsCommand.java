package io.threadline.ticket.ticket.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Set custom fields; a field given as null is removed, fields not named keep their value. */
public record SetFieldsCommand(@TargetAggregateIdentifier String ticketId, Map<String, String> changes,
                               String changedBy, Long expectedVersion) {
}
