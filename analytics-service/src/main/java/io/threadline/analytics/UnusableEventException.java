package io.threadline.analytics;

/** An event that can never be projected, whatever the retries: it belongs in the dead-letter topic. */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String message) {
        super(message);
    }

    public UnusableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
