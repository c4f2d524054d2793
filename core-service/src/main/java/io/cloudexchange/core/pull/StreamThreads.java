package io.cloudexchange.core.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.springframework.util.CustomizableThreadCreator;

/**
 * Pulls the streams of one run, up to {@code perRun} at once: the run's own thread and helpers take the next
 * stream not pulled yet until none is left. A stream's failure is kept and the others go on. Threads are
 * bounded by {@code perRun - 1} per running pull, and pulls by the scheduler's pool.
 */
final class StreamThreads implements AutoCloseable {

    /** A stream that failed ({@code stream} null when the run has a single stream or failed as a whole). */
    record Failure(String stream, RuntimeException cause) {

        String describe() {
            String message = String.valueOf(cause.getMessage());
            return stream == null ? message : "stream " + stream + ": " + message;
        }
    }

    private final int perRun;
    private final ExecutorService helpers;

    StreamThreads(int perRun) {
        this.perRun = perRun;
        CustomizableThreadCreator names = new CustomizableThreadCreator("pull-stream-");
        this.helpers = Executors.newCachedThreadPool(names::createThread);
    }

    /**
     * Pulls every stream with {@code pull}, which is given a flag to stop after its current page (set when the
     * run's thread is interrupted).
     *
     * @return the streams that failed
     */
    List<Failure> pullAll(List<PullStream> streams, BiConsumer<PullStream, AtomicBoolean> pull) {
        Queue<PullStream> pending = new ConcurrentLinkedQueue<>(streams);
        List<Failure> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        boolean named = streams.size() > 1;
        Runnable worker = () -> {
            PullStream stream;
            while (!stopping.get() && (stream = pending.poll()) != null) {
                try {
                    pull.accept(stream, stopping);
                } catch (RuntimeException e) {
                    failures.add(new Failure(named ? stream.key() : null, e));
                }
            }
        };
        List<Future<?>> started = new ArrayList<>();
        for (int i = 1; i < Math.min(perRun, streams.size()); i++) {
            started.add(helpers.submit(worker));
        }
        worker.run();
        for (Future<?> helper : started) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                stopping.set(true);
                started.forEach(other -> other.cancel(true));
                Thread.currentThread().interrupt();
                failures.add(new Failure(null, new IllegalStateException("interrupted", e)));
                break;
            } catch (ExecutionException | CancellationException e) {
                failures.add(new Failure(null, new IllegalStateException(e.getCause() == null ? e : e.getCause())));
            }
        }
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }
}
