package io.cloudexchange.core.pull;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.settings.PlatformSettings;
import io.cloudexchange.core.settings.SettingsService;
import io.cloudexchange.plugin.api.Capability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.CustomizableThreadCreator;

/**
 * Starts the pulls of due configurations. Each {@link #tick} only looks up what is due and hands the
 * runs to a bounded pool; a run holds the cluster-wide lock {@code pull:<configurationId>} so a
 * configuration never pulls twice at once, and checks again under the lock that it is still due.
 */
@Component
public class PullScheduler implements PullControl, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PullScheduler.class);

    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final SettingsService settings;
    private final PullStateStore states;
    private final PullRunner runner;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final List<PullGate> gates;

    PullScheduler(PluginConfigurationRepository configurations, PluginRegistry plugins, SettingsService settings,
                  PullStateStore states, PullRunner runner, LockProvider lockProvider,
                  CloudExchangeProperties properties, Clock clock, List<PullGate> gates,
                  @Value("${cloudexchange.scheduler.threads:4}") int threads) {
        this.gates = List.copyOf(gates);
        this.configurations = configurations;
        this.plugins = plugins;
        this.settings = settings;
        this.states = states;
        this.runner = runner;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = properties.scheduler().lockAtMostFor();
        this.clock = clock;
        CustomizableThreadCreator names = new CustomizableThreadCreator("pull-");
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(threads * 4), names::createThread, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Hands every due configuration to the pool; returns without waiting for the pulls. */
    public void tick() {
        try {
            PlatformSettings platform = settings.current();
            List<PluginConfiguration> candidates = configurations.findByEnabledTrue().stream()
                    .filter(configuration -> !queued.contains(configuration.id()))
                    .filter(configuration -> mayPull(configuration.id()))
                    .filter(configuration -> pullablePlugin(configuration, platform).isPresent())
                    .toList();
            Map<String, PullState> due = states.findAll(candidates.stream().map(PluginConfiguration::id).toList());
            Instant now = clock.instant();
            candidates.stream()
                    .filter(configuration -> due.get(configuration.id()).isDue(now))
                    .forEach(configuration -> submit(configuration.id()));
        } catch (RuntimeException e) {
            log.warn("Pull scheduling tick failed, retrying at the next tick: {}", e.toString());
        }
    }

    @Override
    public void runNow(String configurationId) {
        states.requestRun(configurationId, clock.instant());
        submit(configurationId);
    }

    @Override
    public Optional<PullStatus> lastRun(String configurationId) {
        return Optional.ofNullable(states.find(configurationId).lastRun());
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private void submit(String configurationId) {
        if (!queued.add(configurationId)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    runLocked(configurationId);
                } finally {
                    queued.remove(configurationId);
                }
            });
        } catch (RejectedExecutionException busy) {
            queued.remove(configurationId);
        }
    }

    private void runLocked(String configurationId) {
        try {
            locks.executeWithLock((Runnable) () -> runIfStillDue(configurationId), new LockConfiguration(
                    ClockProvider.now(), "pull:" + configurationId, lockAtMostFor, Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Pull of configuration {} could not run: {}", configurationId, e.toString());
        }
    }

    private void runIfStillDue(String configurationId) {
        Optional<PluginConfiguration> configuration = configurations.findById(configurationId)
                .filter(PluginConfiguration::enabled);
        PlatformSettings platform = settings.current();
        Optional<LoadedPlugin> plugin = configuration.flatMap(enabled -> pullablePlugin(enabled, platform));
        if (plugin.isPresent() && mayPull(configurationId) && states.find(configurationId).isDue(clock.instant())) {
            runner.run(configuration.get(), plugin.get());
        }
    }

    private boolean mayPull(String configurationId) {
        return gates.stream().allMatch(gate -> gate.mayPull(configurationId));
    }

    private Optional<LoadedPlugin> pullablePlugin(PluginConfiguration configuration, PlatformSettings platform) {
        if (configuration.module() == null || !platform.modules().get(configuration.module())) {
            return Optional.empty();
        }
        return plugins.find(configuration.pluginId())
                .filter(plugin -> plugin.descriptor().supports(Capability.PULL))
                .filter(plugin -> PullStreams.canPull(configuration.module(), plugin.plugin()));
    }
}
