package io.cloudexchange.plugins.netskope.http;

import java.time.Duration;

/** Waits; tests replace it to run retries without real waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
