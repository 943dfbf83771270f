package io.threadline.gateway.sms.twilio;

import io.threadline.servicekit.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

/** Reading the fields of Twilio's form-encoded webhooks; a missing required field is a 400 naming it. */
final class TwilioForm {

    private TwilioForm() {
    }

    static String required(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "required");
        }
        return value;
    }
}
