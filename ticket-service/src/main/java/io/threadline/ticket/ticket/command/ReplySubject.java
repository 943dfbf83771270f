package io.threadline.ticket.ticket.command;

/**
 * The subject of a reply: "Re: " and the ticket's subject, with the ticket token ({@code [#TL-1001]}) that
 * threads the customer's answer back onto this ticket.
 */
final class ReplySubject {

    private ReplySubject() {
    }

    static String of(String ticketSubject, String ticketNumber) {
        String token = "[#" + ticketNumber + "]";
        if (ticketSubject == null || ticketSubject.isBlank()) {
            return token;
        }
        String subject = ticketSubject.strip();
        String reply = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
        return reply.contains(token) ? reply : reply + " " + token;
    }
}
