package io.threadline.ticket.ticket.query;

import java.util.Arrays;
import java.util.Optional;

/** The orders the ticket list offers: by last update or by creation, newest or oldest first. */
public enum TicketSort {
    UPDATED_NEWEST("-updatedAt", "updatedAt", true),
    UPDATED_OLDEST("updatedAt", "updatedAt", false),
    CREATED_NEWEST("-createdAt", "createdAt", true),
    CREATED_OLDEST("createdAt", "createdAt", false);

    private final String parameter;
    private final String field;
    private final boolean descending;

    TicketSort(String parameter, String field, boolean descending) {
        this.parameter = parameter;
        this.field = field;
        this.descending = descending;
    }

    /** As the API names it: the field, with a leading minus for newest first. */
    public String parameter() {
        return parameter;
    }

    public String field() {
        return field;
    }

    public boolean descending() {
        return descending;
    }

    public static Optional<TicketSort> of(String parameter) {
        return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
    }
}
