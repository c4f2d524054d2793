package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.Locale;

/**
 * Names of the broker objects that carry batches. Per module {@code m}: direct exchange {@code ce.m},
 * work queue {@code ce.m.batches} bound with routing key {@code m}, dead-letter queue {@code ce.m.dead}
 * bound to {@value #DEAD_LETTER_EXCHANGE} with the same key, and one delay queue per retry step.
 */
public final class BatchTopology {

    public static final String DEAD_LETTER_EXCHANGE = "ce.dlx";

    private BatchTopology() {
    }

    public static String exchange(PlatformModule module) {
        return "ce." + key(module);
    }

    public static String routingKey(PlatformModule module) {
        return key(module);
    }

    public static String queue(PlatformModule module) {
        return exchange(module) + ".batches";
    }

    public static String deadLetterQueue(PlatformModule module) {
        return exchange(module) + ".dead";
    }

    public static String retryQueue(PlatformModule module, Duration delay) {
        return exchange(module) + ".retry." + delay.toSeconds() + "s";
    }

    private static String key(PlatformModule module) {
        return module.name().toLowerCase(Locale.ROOT);
    }
}
