package io.threadline.gateway.email.mime;

/** The bytes are not a usable RFC 5322 message (no sender, unreadable structure). */
public class MalformedEmailException extends Exception {

    public MalformedEmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
