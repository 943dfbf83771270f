package io.threadline.history.projection;

import io.threadline.history.customer.Customer;
import io.threadline.history.customer.store.CustomerGroup;
import io.threadline.history.customer.store.CustomerGroups;
import io.threadline.history.customer.store.CustomerViews;
import io.threadline.history.ticket.TicketState;
import io.threadline.history.timeline.TimelineEntry;
import io.threadline.history.timeline.store.TimelineQuery;
import io.threadline.history.timeline.store.TimelineReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the API can show about some customers and identities in one copy, for comparing copies: customer
 * views, whole timelines (without {@code recordedAt}, the time of projection), tickets and lookups.
 */
record ProjectionSnapshot(Map<String, Customer> customers, Map<String, List<TimelineEntry>> timelines,
                          Map<String, List<TicketState>> tickets, Map<String, Optional<String>> lookups) {

    static ProjectionSnapshot of(ProjectionCopy copy, List<String> customerIds, List<String> identityKeys) {
        Map<String, Customer> customers = new LinkedHashMap<>();
        Map<String, List<TimelineEntry>> timelines = new LinkedHashMap<>();
        Map<String, List<TicketState>> tickets = new LinkedHashMap<>();
        for (String id : customerIds) {
            CustomerGroup group = CustomerGroups.of(copy, id);
            customers.put(id, CustomerViews.of(group));
            timelines.put(id, timeline(group));
            tickets.put(id, group.members().stream().flatMap(m -> group.histories().get(m).tickets().stream()).toList());
        }
        Map<String, Optional<String>> lookups = new LinkedHashMap<>();
        identityKeys.forEach(k -> lookups.put(k, CustomerGroups.ownerOf(copy, k)));
        return new ProjectionSnapshot(customers, timelines, tickets, lookups);
    }

    static List<TimelineEntry> timeline(CustomerGroup group) {
        return new TimelineReader().read(group, new TimelineQuery(true, null, 100_000, Set.of(), Set.of(), null, null,
                null)).stream().map(e -> e.withRecordedAt(null)).toList();
    }
}
