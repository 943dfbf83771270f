package io.threadline.analytics.kpi.model;

import io.threadline.contracts.events.TicketPriority;

/**
 * Where a fact belongs: the ticket's channel, group, agent and priority at the moment it happened. A ticket
 * without a group or agent is counted under {@link #NONE}.
 */
public record Dimensions(String channel, String group, String agent, String priority) {

    /** The value of an unset group or agent (and of a customer fact, which has no ticket). */
    public static final String NONE = "-";

    public Dimensions {
        channel = orNone(channel);
        group = orNone(group);
        agent = orNone(agent);
        priority = orNone(priority);
    }

    /** A new ticket: no group, no agent, normal priority. */
    public static Dimensions ofNewTicket(String channel) {
        return new Dimensions(channel, NONE, NONE, TicketPriority.NORMAL.name());
    }

    /** A fact about a customer rather than a ticket: only the channel is known. */
    public static Dimensions ofChannelOnly(String channel) {
        return new Dimensions(channel, NONE, NONE, NONE);
    }

    public String value(Dimension dimension) {
        return switch (dimension) {
            case CHANNEL -> channel;
            case GROUP -> group;
            case AGENT -> agent;
            case PRIORITY -> priority;
        };
    }

    public Dimensions withChannel(String value) {
        return new Dimensions(value, group, agent, priority);
    }

    public Dimensions withAssignment(String newGroup, String newAgent) {
        return new Dimensions(channel, newGroup, newAgent, priority);
    }

    public Dimensions withPriority(String value) {
        return new Dimensions(channel, group, agent, value);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
