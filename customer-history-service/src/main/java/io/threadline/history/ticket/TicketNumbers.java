package io.threadline.history.ticket;

import java.lang.reflect.RecordComponent;

/** Every ticket event payload names the ticket's number in a {@code ticketNumber} component. */
final class TicketNumbers {

    private TicketNumbers() {
    }

    static String of(Object payload) {
        if (payload instanceof Record) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals("ticketNumber")) {
                    try {
                        return (String) component.getAccessor().invoke(payload);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
