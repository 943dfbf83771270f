package io.threadline.localstack.launcher;

/** The local stack could not start; the message says which part and why. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }
}
