package io.threadline.contracts.events;

import java.time.Instant;

/** The customer answered a satisfaction survey about the ticket; a new answer to the same survey replaces it. */
public record SurveyAnswered(
        String ticketId,
        String ticketNumber,
        String surveyId,
        SurveyKind kind,
        int score,
        String comment,
        Instant answeredAt) {
}
