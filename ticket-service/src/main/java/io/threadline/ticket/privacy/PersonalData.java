package io.threadline.ticket.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a stored event as personal data: it is stored encrypted with the key of the customer it
 * belongs to, and reads as absent once that customer is erased (crypto-shredding).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /**
     * The event's root field that names the customer the data belongs to: the event's own customer unless the data is
     * another person's (a merge recorded on the survivor carries the merged customer's identities).
     */
    String owner() default "customerId";
}
