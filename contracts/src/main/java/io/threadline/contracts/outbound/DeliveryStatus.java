package io.threadline.contracts.outbound;

public enum DeliveryStatus {
    SENT, DELIVERED, FAILED
}
