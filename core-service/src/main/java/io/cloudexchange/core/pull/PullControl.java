package io.cloudexchange.core.pull;

import java.util.Optional;

/** What the API needs from the pull scheduler. */
public interface PullControl {

    /** Runs the configuration's pull as soon as possible (still never twice at once). */
    void runNow(String configurationId);

    Optional<PullStatus> lastRun(String configurationId);
}
