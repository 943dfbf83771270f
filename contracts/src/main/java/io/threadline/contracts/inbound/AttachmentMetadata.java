package io.threadline.contracts.inbound;

/** An attachment's description; the bytes stay where {@code location} points. */
public record AttachmentMetadata(String name, String contentType, long size, String sha256, String location) {
}
