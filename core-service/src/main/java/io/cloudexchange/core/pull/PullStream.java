package io.cloudexchange.core.pull;

import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import java.util.function.Function;

/**
 * One independently checkpointed stream of a configuration.
 *
 * @param key where its checkpoint is stored, e.g. {@code default}, {@code alert:dlp}, {@code users}
 * @param kind what its items are
 * @param pull pulls the page after a checkpoint
 */
record PullStream(String key, BatchMessage.Kind kind, Function<Checkpoint, PullPage<?>> pull) {
}
