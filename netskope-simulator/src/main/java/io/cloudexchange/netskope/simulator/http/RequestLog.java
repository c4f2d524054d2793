package io.cloudexchange.netskope.simulator.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The requests the simulator answered, oldest first (the most recent 100,000). */
public final class RequestLog {

    private static final int CAPACITY = 100_000;

    /** One answered request; {@code operation} and {@code index} are the dataexport query parameters, if any. */
    public record Entry(Instant at, String method, String path, String index, String operation, int status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.remove(0);
        }
        entries.add(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    public synchronized long count(int status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
