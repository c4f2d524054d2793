package io.cloudexchange.core.pull;

import io.cloudexchange.core.config.CloudExchangeProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Ticks the pull scheduler every {@code cloudexchange.scheduler.tick}. */
@Configuration(proxyBeanMethods = false)
class PullTickConfiguration implements SchedulingConfigurer {

    private final PullScheduler scheduler;
    private final CloudExchangeProperties properties;

    PullTickConfiguration(PullScheduler scheduler, CloudExchangeProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(scheduler::tick, properties.scheduler().tick());
    }
}
