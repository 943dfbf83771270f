package io.threadline.analytics.kpi.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a projection remembers of one read-model copy between batches: the ticket states it last saved (the most
 * recently used, up to a capacity), so a batch reads from MongoDB only the tickets it has not seen lately; and the keys
 * it has stored in the key directories, so a batch writes only keys new to them.
 *
 * <p>A remembered state is only good while no one else has written the ticket since. Every writer raises the
 * {@code progress} mark of a source before it writes what came from it, so a mark that has moved without this
 * projection (another instance took the partition over meanwhile, or the copy was dropped and filled again) makes
 * it forget every state (and every key: the copy may have been dropped). So does a failed batch, whose states may
 * have changed in memory only.
 */
final class CopyMemory {

    private final Map<String, TicketState> tickets;
    /** Per source field, the mark as this projection last read or raised it. */
    private final Map<String, Long> marks = new HashMap<>();
    /** Directory id and key, as {@code <directory>/<key>}, of the keys known to be stored. */
    private final Set<String> registeredKeys = new HashSet<>();

    CopyMemory(int capacity) {
        this.tickets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TicketState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Forgets everything unless the stored marks of {@code sources} are the ones this projection left there. */
    void trustIfUnchanged(Map<String, Long> stored, Set<String> sources) {
        for (String source : sources) {
            if (!Objects.equals(stored.get(source), marks.get(source))) {
                tickets.clear();
                registeredKeys.clear();
                marks.clear();
                marks.putAll(stored);
                return;
            }
        }
    }

    TicketState ticket(String ticketId) {
        return tickets.get(ticketId);
    }

    /** After a batch is stored: its marks and the states as saved. */
    void stored(Map<String, Long> raisedMarks, Collection<TicketState> states) {
        raisedMarks.forEach((source, mark) -> marks.merge(source, mark, Math::max));
        states.forEach(state -> tickets.put(state.ticketId(), state));
    }

    boolean isRegistered(String directoryId, String key) {
        return registeredKeys.contains(directoryId + "/" + key);
    }

    /** After keys are stored in their directories. */
    void registered(Map<String, ? extends Collection<String>> keysByDirectory) {
        keysByDirectory.forEach((id, keys) -> keys.forEach(key -> registeredKeys.add(id + "/" + key)));
    }

    void forget(String ticketId) {
        tickets.remove(ticketId);
    }

    void forgetAll() {
        tickets.clear();
        registeredKeys.clear();
        marks.clear();
    }
}
