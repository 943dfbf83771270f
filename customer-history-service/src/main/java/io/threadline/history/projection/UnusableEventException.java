package io.threadline.history.projection;

/** An event that can never be projected, whatever is retried: it goes to the dead-letter topic. */
public class UnusableEventException extends RuntimeException {

    public UnusableEventException(String message) {
        super(message);
    }

    public UnusableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
