package io.threadline.gateway.outbound;

/** A provider refused or could not take a message; {@code transient} failures are retried with backoff. */
public class DeliveryFailure extends Exception {

    private final boolean isTransient;

    private DeliveryFailure(String reason, boolean isTransient, Throwable cause) {
        super(reason, cause);
        this.isTransient = isTransient;
    }

    /** Worth another try later: the provider is down, busy or rate limiting. */
    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, true, cause);
    }

    /** Another try cannot help: bad recipient, rejected content, opted-out number. */
    public static DeliveryFailure permanent(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public boolean isTransient() {
        return isTransient;
    }
}
