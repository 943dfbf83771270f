package io.threadline.ticket.ticket.api;

import io.threadline.contracts.events.SurveyKind;
import io.threadline.ticket.privacy.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The customer answered a satisfaction survey about the ticket; a new answer to one survey replaces the last. */
@Revision("1")
public record SurveyAnsweredEvent(String ticketId, String ticketNumber, String customerId, String surveyId,
                                  SurveyKind kind, int score, @PersonalData String comment, Instant answeredAt) {
}
