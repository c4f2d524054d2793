package io.cloudexchange.core.testsupport;

import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublishException;
import io.cloudexchange.core.messaging.BatchPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps published batches in memory and hands each synchronously to the handlers of its module, as
 * the broker would after confirming it. Can be told to refuse the next publishes.
 */
public final class RecordingBatchPublisher implements BatchPublisher {

    private final List<BatchMessage> published = new CopyOnWriteArrayList<>();
    private final List<BatchHandler> handlers;
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private volatile Consumer<BatchMessage> beforeConfirm = batch -> { };

    public RecordingBatchPublisher(List<BatchHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void publish(BatchMessage batch) {
        beforeConfirm.accept(batch);
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new BatchPublishException("broker did not confirm " + batch.batchId(), null);
        }
        published.add(batch);
        handlers.stream().filter(handler -> handler.module() == batch.module()).forEach(handler -> handler.handle(batch));
    }

    public void failNext(int publishes) {
        failuresToCome.set(publishes);
    }

    /** Runs before each publish is confirmed (or refused). */
    public void beforeConfirm(Consumer<BatchMessage> hook) {
        beforeConfirm = hook;
    }

    public List<BatchMessage> published() {
        return List.copyOf(published);
    }

    public void reset() {
        published.clear();
        failuresToCome.set(0);
        beforeConfirm = batch -> { };
    }
}
