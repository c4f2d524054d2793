package io.cloudexchange.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
     * Up to {@code threads} daemon threads for work a request hands off while it does its own part; when they are all
     * busy, the request runs the task itself, so a burst of requests never queues tasks or grows threads unbounded.
     * Idle threads end after a minute.
     */
    public static ThreadPoolExecutor helpers(String prefix, int threads) {
        return new ThreadPoolExecutor(0, threads, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), daemonThreads(prefix),
                new ThreadPoolExecutor.CallerRunsPolicy());
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
