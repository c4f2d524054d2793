package io.cloudexchange.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.springframework.util.CustomizableThreadCreator;

/** Work a request hands to another thread and waits for: its threads, and its result or its own failure. */
public final class Futures {

    private Futures() {
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}...: they never keep the JVM from stopping. */
    public static ThreadFactory daemonThreads(String prefix) {
        CustomizableThreadCreator threads = new CustomizableThreadCreator(prefix);
        threads.setDaemon(true);
        return threads::createThread;
    }

    /**
     * The result, or the task's own unchecked exception (e.g. the database's), not wrapped.
     *
     * @param activity what the task does, for the message when the wait is interrupted
     */
    public static <T> T result(Future<T> future, String activity) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(activity + " failed", e.getCause());
        }
    }
}
