package io.threadline.analytics.kpi.projection;

import io.threadline.analytics.UnusableEventException;
import io.threadline.analytics.kpi.model.Counter;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.model.DurationKind;
import io.threadline.analytics.kpi.model.Tally;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.contracts.events.MessageReceived;
import io.threadline.contracts.events.ReplyRequested;
import io.threadline.contracts.events.SurveyAnswered;
import io.threadline.contracts.events.SurveyKind;
import io.threadline.contracts.events.TicketAssigned;
import io.threadline.contracts.events.TicketOpened;
import io.threadline.contracts.events.TicketPriorityChanged;
import io.threadline.contracts.events.TicketStatus;
import io.threadline.contracts.events.TicketStatusChanged;
import io.threadline.contracts.events.TicketsMerged;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one ticket event to the ticket's state and says what it adds to (or takes back from) the KPI buckets.
 * Pure: no I/O, so the same history always gives the same contributions, live or replayed. The clocks are
 * defined here and in the README's KPI table.
 */
public final class TicketProjector {

    private final Optional<BusinessCalendar> calendar;

    public TicketProjector(Optional<BusinessCalendar> calendar) {
        this.calendar = calendar;
    }

    /**
     * Applies {@code payload} unless the state already holds this event (its aggregate sequence is not above the
     * high-water mark). Returns empty for an event seen before, and for types without effect on any KPI.
     */
    public List<Contribution> apply(TicketState state, IntegrationEvent event, Object payload) {
        if (event.aggregateSequence() <= state.sequence) {
            return List.of();
        }
        state.sequence = event.aggregateSequence();
        List<Contribution> out = new ArrayList<>();
        Instant at = event.occurredAt();
        if (payload instanceof TicketOpened opened) {
            opened(state, opened, event, out);
        } else if (payload instanceof MessageReceived received) {
            messageReceived(state, received, event, out);
        } else if (payload instanceof ReplyRequested) {
            replied(state, at, out);
        } else if (payload instanceof TicketStatusChanged changed) {
            statusChanged(state, changed, event, out);
        } else if (payload instanceof TicketAssigned assigned) {
            state.dims = state.dims.withAssignment(assigned.group(), assigned.assignee());
        } else if (payload instanceof TicketPriorityChanged changed) {
            state.dims = state.dims.withPriority(changed.priority() == null ? null : changed.priority().name());
        } else if (payload instanceof TicketsMerged merged) {
            if (state.ticketId.equals(merged.sourceTicketId())) {
                state.mergedAway = true;
                state.awaitingReplySince = null;
                out.add(count(at, state.dims, Counter.MERGED));
            }
        } else if (payload instanceof SurveyAnswered answered) {
            surveyAnswered(state, answered, event, out);
        }
        return out;
    }

    private static void opened(TicketState state, TicketOpened opened, IntegrationEvent event, List<Contribution> out) {
        Instant at = event.occurredAt();
        state.dims = state.dims.withChannel(required(opened.channel(), "channel", event));
        state.openedAt = at;
        state.status = TicketStatus.NEW;
        out.add(count(at, state.dims, Counter.CREATED));
    }

    private static void messageReceived(TicketState state, MessageReceived received, IntegrationEvent event,
                                        List<Contribution> out) {
        String channel = required(received.channel(), "channel", event);
        if (received.receivedAt() == null) {
            throw new UnusableEventException(event.type() + " " + event.eventId() + " has no receivedAt");
        }
        Instant at = received.receivedAt();
        if (state.openedAt == null && Dimensions.NONE.equals(state.dims.channel())) {
            // The ticket's opening is not in this history (e.g. older than the topic's retention).
            state.dims = state.dims.withChannel(channel);
        }
        if (state.firstMessageAt == null) {
            state.firstMessageAt = at;
        }
        if (state.awaitingReplySince == null) {
            state.awaitingReplySince = at;
        }
        // Counted under the channel the message came in on, which may differ from the ticket's first channel.
        out.add(count(at, state.dims.withChannel(channel), Counter.MESSAGES_RECEIVED));
    }

    private void replied(TicketState state, Instant at, List<Contribution> out) {
        out.add(count(at, state.dims, Counter.REPLIES));
        state.awaitingReplySince = null;
        if (state.firstSolvedAt == null) {
            state.repliesBeforeFirstSolve++;
        }
        if (state.firstReplyAt == null && state.clockStart() != null) {
            state.firstReplyAt = at;
            Measured measured = measure(state.clockStart(), at);
            out.add(new Contribution(at, state.dims,
                    measured.tally(DurationKind.FIRST_RESPONSE, DurationKind.FIRST_RESPONSE_BUSINESS)));
        }
    }

    private void statusChanged(TicketState state, TicketStatusChanged changed, IntegrationEvent event,
                               List<Contribution> out) {
        if (changed.status() == null) {
            throw new UnusableEventException(event.type() + " " + event.eventId() + " has no status");
        }
        Instant at = event.occurredAt();
        TicketStatus previous = state.status != null ? state.status : changed.previousStatus();
        state.status = changed.status();
        if (changed.status() == TicketStatus.SOLVED && previous != TicketStatus.SOLVED) {
            solved(state, at, out);
        } else if (previous == TicketStatus.SOLVED && changed.status() != TicketStatus.CLOSED) {
            reopened(state, at, out);
        }
        if (changed.status() == TicketStatus.SOLVED || changed.status() == TicketStatus.CLOSED) {
            state.awaitingReplySince = null;
        }
    }

    private void solved(TicketState state, Instant at, List<Contribution> out) {
        out.add(count(at, state.dims, Counter.SOLVED));
        if (state.firstSolvedAt == null) {
            state.firstSolvedAt = at;
            state.firstSolvedDims = state.dims;
            Tally first = Tally.of(Counter.FIRST_SOLVED, 1);
            if (state.repliesBeforeFirstSolve == 1) {
                state.firstContactResolutionCounted = true;
                first.add(Counter.FIRST_CONTACT_RESOLVED, 1);
            }
            out.add(new Contribution(at, state.dims, first));
        }
        if (state.clockStart() != null) {
            Measured measured = measure(state.clockStart(), at);
            state.resolution = new TicketState.Resolution(at, state.dims, measured.millis(), measured.businessMillis());
            out.add(new Contribution(at, state.dims,
                    measured.tally(DurationKind.RESOLUTION, DurationKind.RESOLUTION_BUSINESS)));
        }
    }

    /** A reopened ticket is no longer resolved, and a first-contact resolution turns out not to be one. */
    private static void reopened(TicketState state, Instant at, List<Contribution> out) {
        out.add(count(at, state.dims, Counter.REOPENED));
        if (!state.reopenedAfterSolve && state.firstSolvedAt != null) {
            state.reopenedAfterSolve = true;
            Tally retro = Tally.of(Counter.REOPENED_AFTER_SOLVE, 1);
            if (state.firstContactResolutionCounted) {
                state.firstContactResolutionCounted = false;
                retro.add(Counter.FIRST_CONTACT_RESOLVED, -1);
            }
            out.add(new Contribution(state.firstSolvedAt, state.firstSolvedDims, retro));
        }
        TicketState.Resolution resolution = state.resolution;
        if (resolution != null) {
            Tally undo = new Measured(resolution.millis(), resolution.businessMillis())
                    .tally(DurationKind.RESOLUTION, DurationKind.RESOLUTION_BUSINESS);
            out.add(new Contribution(resolution.at(), resolution.dims(), undo.negated()));
            state.resolution = null;
        }
    }

    private void surveyAnswered(TicketState state, SurveyAnswered answered, IntegrationEvent event,
                                List<Contribution> out) {
        String surveyId = required(answered.surveyId(), "surveyId", event);
        if (answered.kind() == null || !answered.kind().accepts(answered.score()) || answered.answeredAt() == null) {
            throw new UnusableEventException(event.type() + " " + event.eventId()
                    + " has no kind, a score outside its range, or no answeredAt");
        }
        TicketState.SurveyAnswer previous = state.surveys.get(surveyId);
        if (previous != null) {
            out.add(new Contribution(previous.at(), previous.dims(), survey(previous.kind(), previous.score()).negated()));
        }
        TicketState.SurveyAnswer current = new TicketState.SurveyAnswer(answered.kind(), answered.score(),
                answered.answeredAt(), state.dims);
        state.surveys.put(surveyId, current);
        out.add(new Contribution(current.at(), current.dims(), survey(current.kind(), current.score())));
    }

    private static Tally survey(SurveyKind kind, int score) {
        if (kind == SurveyKind.CSAT) {
            return Tally.of(Counter.CSAT_RESPONSES, 1).add(Counter.CSAT_SATISFIED, score >= 4 ? 1 : 0);
        }
        return Tally.of(Counter.NPS_RESPONSES, 1)
                .add(Counter.NPS_PROMOTERS, score >= 9 ? 1 : 0)
                .add(Counter.NPS_DETRACTORS, score <= 6 ? 1 : 0);
    }

    /** The duration from {@code start} to {@code stop}, and its business-hours variant when a calendar is set. */
    private Measured measure(Instant start, Instant stop) {
        return new Measured(Duration.between(start, stop).toMillis(),
                calendar.map(c -> c.businessMillis(start, stop)).orElse(null));
    }

    private record Measured(long millis, Long businessMillis) {
        Tally tally(DurationKind wall, DurationKind business) {
            Tally delta = wall.one(millis);
            if (businessMillis != null) {
                delta.add(business.one(businessMillis), 1);
            }
            return delta;
        }
    }

    private static Contribution count(Instant at, Dimensions dims, String counter) {
        return new Contribution(at, dims, Tally.of(counter, 1));
    }

    private static String required(String value, String field, IntegrationEvent event) {
        if (value == null || value.isBlank()) {
            throw new UnusableEventException(event.type() + " " + event.eventId() + " has no " + field);
        }
        return value;
    }
}
