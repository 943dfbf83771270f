package io.threadline.contracts.inbound;

/** A sender or recipient on a channel: the address the channel knows and the name it shows, if any. */
public record Participant(String address, String displayName) {
}
