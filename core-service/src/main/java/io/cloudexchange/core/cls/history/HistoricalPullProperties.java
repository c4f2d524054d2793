package io.cloudexchange.core.cls.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Log Shipper historical pulls under {@code cloudexchange.cls.history.*}.
 *
 * @param maxRange the longest range one job may ask for
 * @param tick how often running jobs are looked for (and resumed after a restart or a wait)
 * @param runBudget how long one run of a job pulls before it yields its lock and thread
 * @param lockAtMostFor how long the per-source lock outlives a node that died while running a job
 * @param maxFailures consecutive failed runs after which a job is FAILED
 * @param retryInitial wait after a failed run, doubling per failure up to {@code retryMax}
 * @param retryMax longest wait between failed runs
 * @param threads jobs run at once on a node
 */
@ConfigurationProperties("cloudexchange.cls.history")
public record HistoricalPullProperties(@DefaultValue("90d") Duration maxRange,
                                       @DefaultValue("2s") Duration tick,
                                       @DefaultValue("60s") Duration runBudget,
                                       @DefaultValue("5m") Duration lockAtMostFor,
                                       @DefaultValue("5") int maxFailures,
                                       @DefaultValue("5s") Duration retryInitial,
                                       @DefaultValue("5m") Duration retryMax,
                                       @DefaultValue("2") int threads) {
}
