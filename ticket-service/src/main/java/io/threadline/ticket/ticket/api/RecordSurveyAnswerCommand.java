package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.SurveyKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record the customer's answer to a satisfaction survey (also on a closed ticket: surveys follow closing). */
public record RecordSurveyAnswerCommand(@TargetAggregateIdentifier String ticketId, String surveyId, SurveyKind kind,
                                        int score, String comment, Instant answeredAt) {
}
