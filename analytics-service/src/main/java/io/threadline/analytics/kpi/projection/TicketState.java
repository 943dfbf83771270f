package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the projection remembers of one ticket between its events: where it is counted now, where its clocks
 * stand, and what it has contributed that a later event may have to take back (a resolution, an FCR, a survey
 * answer). Holds ids, dimensions and times only: no names, addresses or texts.
 */
public final class TicketState {

    private static final Set<TicketStatus> UNSOLVED =
            EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD);

    /** A duration this ticket has contributed, kept so it can be taken back. */
    public record Resolution(Instant at, Dimensions dims, long millis, Long businessMillis) {
    }

    /** The current answer to one survey, kept so a new answer can replace it. */
    public record SurveyAnswer(SurveyKind kind, int score, Instant at, Dimensions dims) {
    }

    final String ticketId;
    /** Highest aggregate sequence applied; -1 before the first event. */
    long sequence = -1;
    Dimensions dims = Dimensions.ofNewTicket(null);
    TicketStatus status;
    Instant openedAt;
    /** When the customer's first message was received: where the response and resolution clocks start. */
    Instant firstMessageAt;
    Instant firstReplyAt;
    int repliesBeforeFirstSolve;
    Instant firstSolvedAt;
    Dimensions firstSolvedDims;
    boolean firstContactResolutionCounted;
    boolean reopenedAfterSolve;
    Resolution resolution;
    Instant awaitingReplySince;
    boolean mergedAway;
    final Map<String, SurveyAnswer> surveys = new LinkedHashMap<>();

    public TicketState(String ticketId) {
        this.ticketId = ticketId;
    }

    public String ticketId() {
        return ticketId;
    }

    public long sequence() {
        return sequence;
    }

    public Dimensions dims() {
        return dims;
    }

    public TicketStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant awaitingReplySince() {
        return awaitingReplySince;
    }

    /** In the backlog: opened, not solved, closed or merged away. */
    public boolean isOpen() {
        return openedAt != null && status != null && UNSOLVED.contains(status) && !mergedAway;
    }

    /** Where the response and resolution clocks start: the first customer message, else the opening. */
    Instant clockStart() {
        return firstMessageAt != null ? firstMessageAt : openedAt;
    }
}
