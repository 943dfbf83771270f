package io.threadline.gateway.email.smtp;

/** The ticket token in a reply's subject: {@code [#TL-1001]}, added once, never twice. */
final class TicketToken {

    private TicketToken() {
    }

    static String inSubject(String subject, String ticketNumber) {
        String base = subject == null ? "" : subject.strip();
        if (ticketNumber == null || ticketNumber.isBlank()) {
            return base;
        }
        String token = "[#" + ticketNumber + "]";
        if (base.contains(token)) {
            return base;
        }
        return base.isEmpty() ? token : base + " " + token;
    }
}
