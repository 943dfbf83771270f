package io.threadline.ticket.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a stored event as personal data: it is stored encrypted with the key of the event's
 * customer ({@code customerId}), and reads as absent once that customer is erased (crypto-shredding).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
