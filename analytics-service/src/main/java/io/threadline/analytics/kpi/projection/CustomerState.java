package io.threadline.analytics.kpi.projection;

/** All the projection keeps of a customer: the id and the highest aggregate sequence applied. */
public final class CustomerState {

    final String customerId;
    long sequence;

    public CustomerState(String customerId, long sequence) {
        this.customerId = customerId;
        this.sequence = sequence;
    }

    public String customerId() {
        return customerId;
    }

    public long sequence() {
        return sequence;
    }
}
