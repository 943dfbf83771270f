package io.threadline.ticket.ticket.command;

import io.threadline.contracts.events.SurveyKind;

/** A survey score outside its kind's range. */
public class InvalidSurveyScoreException extends TicketRuleException {

    public InvalidSurveyScoreException(SurveyKind kind, int score) {
        super(kind + " scores run from " + kind.minScore() + " to " + kind.maxScore() + ", not " + score);
    }
}
