package io.threadline.bench.load;

import io.threadline.contracts.inbound.Channel;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who sends what in one run. Message {@code m} goes to customer {@code m % customers} (round robin), and
 * customer {@code i} always writes on channel {@code channels[i % channels.size()]}. Every address and
 * provider message id carries the run id, so a run never meets customers or messages of an earlier run in the
 * same data, and each message's text starts with a marker naming its run and index: the timeline API does not
 * echo provider ids, the text is how the watcher recognises this run's entries.
 */
public final class LoadPlan {

    private static final Pattern MARKER = Pattern.compile("^\\[bench (\\d+) #(\\d+)]");
    private static final String FILLER = " Hello, I ordered a replacement part last week and the tracking page has"
            + " not changed since. Could you tell me when it will arrive, and whether I can change the delivery"
            + " address to my office? Thanks.";

    private final String runId;
    private final int customers;
    private final int messages;
    private final List<String> channels;

    public LoadPlan(String runId, int customers, int messages, List<String> channels) {
        if (!runId.matches("\\d{8}")) {
            throw new IllegalArgumentException("run id must be 8 digits, got " + runId);
        }
        if (customers < 1 || messages < 1 || channels.isEmpty()) {
            throw new IllegalArgumentException("a plan needs customers, messages and channels");
        }
        this.runId = runId;
        this.customers = customers;
        this.messages = messages;
        this.channels = List.copyOf(channels);
    }

    /**
     * Eight digits from the clock's seconds: distinct for runs started at least a second apart within about three
     * years, and plain digits so it fits into phone numbers too.
     */
    public static String newRunId(Instant now) {
        return String.format("%08d", now.getEpochSecond() % 100_000_000L);
    }

    public String runId() {
        return runId;
    }

    public int customers() {
        return customers;
    }

    public int messages() {
        return messages;
    }

    public List<String> channels() {
        return channels;
    }

    public int customerOf(int message) {
        return message % customers;
    }

    public String channelOf(int customer) {
        return channels.get(customer % channels.size());
    }

    /** An address of the shape each channel really uses; the gateway only checks its length. */
    public String addressOf(int customer) {
        return switch (channelOf(customer)) {
            case Channel.EMAIL -> "bench-" + runId + "-" + customer + "@example.com";
            case Channel.SMS, Channel.WHATSAPP -> "+1555" + runId + customer;
            default -> "visitor-" + runId + "-" + customer;
        };
    }

    /** The {@code channel:address} key the history service's lookup takes. */
    public String identityOf(int customer) {
        return Channel.identityKey(channelOf(customer), addressOf(customer));
    }

    public String displayNameOf(int customer) {
        return "Bench Customer " + customer;
    }

    /** How many of the run's messages customer {@code customer} sends: the round robin's share. */
    public int messagesFor(int customer) {
        return messages / customers + (customer < messages % customers ? 1 : 0);
    }

    public String providerMessageId(int message) {
        return "bench-" + runId + "-m" + message;
    }

    /** Email carries a subject, the other channels do not, as with real providers. */
    public String subjectOf(int message) {
        return Channel.EMAIL.equals(channelOf(customerOf(message))) ? "Where is my order? (" + message + ")" : null;
    }

    public String textOf(int message) {
        return "[bench " + runId + " #" + message + "]" + FILLER;
    }

    /** The index of this run's message whose text this is; empty for text of other runs or other senders. */
    public OptionalInt messageIn(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        Matcher marker = MARKER.matcher(text);
        if (!marker.find() || !marker.group(1).equals(runId)) {
            return OptionalInt.empty();
        }
        try {
            int message = Integer.parseInt(marker.group(2));
            return message < messages ? OptionalInt.of(message) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
