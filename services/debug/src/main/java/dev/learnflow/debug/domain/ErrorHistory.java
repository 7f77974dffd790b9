package dev.learnflow.debug.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's recent Python errors as the debug agent saw them, kept in the Dapr state store. Entries carry the
 * request id, so a redelivered request is recorded once.
 *
 * @param entries   newest last, at most {@code limit} kept
 * @param signalled error type → when a struggle signal was last raised for it (the cool-down)
 */
public record ErrorHistory(List<Entry> entries, Map<String, Instant> signalled) {

    public ErrorHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
        signalled = signalled == null ? Map.of() : Map.copyOf(signalled);
    }

    public static ErrorHistory empty() {
        return new ErrorHistory(List.of(), Map.of());
    }

    /**
     * @param program a fingerprint of the program the error came from (null in entries stored before it existed):
     *                asking for the next hint on the same program is not meeting the mistake again
     */
    public record Entry(String requestId, String type, Instant at, String program) {

        public Entry(String requestId, String type, Instant at) {
            this(requestId, type, at, null);
        }
    }

    public boolean contains(String requestId) {
        return entries.stream().anyMatch(e -> e.requestId().equals(requestId));
    }

    public ErrorHistory with(Entry entry, int limit) {
        if (contains(entry.requestId()) || entry.program() != null && entries.stream().anyMatch(
                e -> entry.program().equals(e.program()) && e.type().equals(entry.type()))) {
            return this;
        }
        List<Entry> next = new ArrayList<>(entries);
        next.add(entry);
        next.sort(Comparator.comparing(Entry::at));
        while (next.size() > limit) {
            next.remove(0);
        }
        return new ErrorHistory(next, signalled);
    }

    public long count(String type, Instant now, Duration window) {
        Instant since = now.minus(window);
        return entries.stream().filter(e -> e.type().equals(type) && !e.at().isBefore(since)).count();
    }

    public boolean coolingDown(String type, Instant now, Duration cooldown) {
        Instant last = signalled.get(type);
        return last != null && last.plus(cooldown).isAfter(now);
    }

    public ErrorHistory withSignal(String type, Instant at) {
        Map<String, Instant> next = new HashMap<>(signalled);
        next.put(type, at);
        return new ErrorHistory(entries, next);
    }
}
