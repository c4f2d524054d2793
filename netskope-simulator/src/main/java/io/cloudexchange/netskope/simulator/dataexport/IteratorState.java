package io.cloudexchange.netskope.simulator.dataexport;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One consumer's position in one type: the page it was last given ({@code [pageFrom, pageTo)}, what
 * {@code resend} returns) and where {@code next} continues. Only one request may use it at a time.
 */
public final class IteratorState {

    final ReentrantLock lock = new ReentrantLock();
    private boolean started;
    private long pageFrom;
    private long pageTo;

    /** A view for tests. */
    public record Snapshot(boolean started, long pageFrom, long pageTo) {
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(started, pageFrom, pageTo);
    }

    /** Gives the page starting at {@code from}, up to {@code size} records of the {@code available}. */
    synchronized void startPageAt(long from, int size, long available) {
        started = true;
        pageFrom = from;
        pageTo = Math.max(from, Math.min(from + size, available));
    }

    /** Acknowledges the current page and gives the one after it. */
    synchronized void next(int size, long available) {
        startPageAt(pageTo, size, available);
    }

    synchronized boolean started() {
        return started;
    }

    synchronized long pageFrom() {
        return pageFrom;
    }

    synchronized long pageTo() {
        return pageTo;
    }
}
