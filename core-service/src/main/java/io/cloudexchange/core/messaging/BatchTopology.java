package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** Every queue of a module: its work queue, its retry delay queues and its dead-letter queue. */
    public static List<String> queues(PlatformModule module) {
        List<String> names = new ArrayList<>();
        names.add(queue(module));
        RetryBackoff.STEPS.forEach(delay -> names.add(retryQueue(module, delay)));
        names.add(deadLetterQueue(module));
        return List.copyOf(names);
    }

    private static String key(PlatformModule module) {
        return module.name().toLowerCase(Locale.ROOT);
    }
}
