package io.threadline.analytics.live;

import io.threadline.analytics.kpi.model.Dimension;
import io.threadline.analytics.kpi.model.Dimensions;
import io.threadline.analytics.kpi.store.OpenTicketStore.OpenTicket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The open tickets of one read-model copy as read at one instant, kept column by column: per ticket its status, when
 * it opened, since when it awaits a reply, and which of the distinct dimension values it has. About 21 bytes a
 * ticket, so a backlog of a million holds in some 21 MB; ticket ids and documents are not kept.
 */
public final class OpenTickets {

    private final int generation;
    private final Instant asOf;
    private final List<Dimensions> distinctDims;
    private final int size;
    private final int[] dims;
    private final byte[] status;
    private final long[] openedAt;
    private final long[] awaitingSince;

    private OpenTickets(int generation, Instant asOf, Collector read) {
        this.generation = generation;
        this.asOf = asOf;
        this.distinctDims = List.copyOf(read.distinctDims);
        this.size = read.size;
        this.dims = Arrays.copyOf(read.dims, size);
        this.status = Arrays.copyOf(read.status, size);
        this.openedAt = Arrays.copyOf(read.openedAt, size);
        this.awaitingSince = Arrays.copyOf(read.awaitingSince, size);
    }

    /** Reads tickets handed to it one by one, then {@link #build}s the snapshot. */
    public static Collector collector() {
        return new Collector();
    }

    public int generation() {
        return generation;
    }

    public Instant asOf() {
        return asOf;
    }

    public int size() {
        return size;
    }

    /** The backlog of the tickets matching {@code filters}. */
    public Backlog backlog(Map<Dimension, String> filters) {
        boolean[] matching = matching(filters);
        Backlog.Count count = new Backlog.Count(asOf);
        for (int i = 0; i < size; i++) {
            if (matching[dims[i]]) {
                add(count, i);
            }
        }
        return count.backlog();
    }

    /** The backlog of the tickets matching {@code filters}, per agent ({@code -} for unassigned), by agent id. */
    public Map<String, Backlog> backlogByAgent(Map<Dimension, String> filters) {
        boolean[] matching = matching(filters);
        Map<String, Backlog.Count> counts = new HashMap<>();
        for (int i = 0; i < size; i++) {
            if (matching[dims[i]]) {
                add(counts.computeIfAbsent(distinctDims.get(dims[i]).agent(), a -> new Backlog.Count(asOf)), i);
            }
        }
        Map<String, Backlog> byAgent = new TreeMap<>();
        counts.forEach((agent, count) -> byAgent.put(agent, count.backlog()));
        return byAgent;
    }

    private void add(Backlog.Count count, int ticket) {
        count.add(status[ticket], openedAt[ticket], awaitingSince[ticket]);
    }

    private boolean[] matching(Map<Dimension, String> filters) {
        boolean[] matching = new boolean[distinctDims.size()];
        for (int d = 0; d < matching.length; d++) {
            matching[d] = Backlog.matches(distinctDims.get(d), filters);
        }
        return matching;
    }

    /** Gathers tickets into columns; the distinct dimension values are stored once. */
    public static final class Collector implements Consumer<OpenTicket> {

        private final List<Dimensions> distinctDims = new ArrayList<>();
        private final Map<Dimensions, Integer> dimsIndex = new HashMap<>();
        private int size;
        private int[] dims = new int[1024];
        private byte[] status = new byte[1024];
        private long[] openedAt = new long[1024];
        private long[] awaitingSince = new long[1024];

        private Collector() {
        }

        @Override
        public void accept(OpenTicket ticket) {
            if (size == dims.length) {
                int capacity = size * 2;
                dims = Arrays.copyOf(dims, capacity);
                status = Arrays.copyOf(status, capacity);
                openedAt = Arrays.copyOf(openedAt, capacity);
                awaitingSince = Arrays.copyOf(awaitingSince, capacity);
            }
            dims[size] = dimsIndex.computeIfAbsent(ticket.dims(), d -> {
                distinctDims.add(d);
                return distinctDims.size() - 1;
            });
            status[size] = Backlog.statusIndex(ticket.status());
            openedAt[size] = ticket.openedAt().toEpochMilli();
            awaitingSince[size] = ticket.awaitingReplySince() == null
                    ? Backlog.Count.NOT_AWAITING : ticket.awaitingReplySince().toEpochMilli();
            size++;
        }

        /** The tickets read so far, as of {@code asOf}, of copy {@code generation}. */
        public OpenTickets build(int generation, Instant asOf) {
            return new OpenTickets(generation, asOf, this);
        }
    }
}
