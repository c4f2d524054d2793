package io.cloudexchange.core.runtime;

import io.cloudexchange.plugin.api.Checkpoint;

/** Reads the last confirmed checkpoint of a configuration's stream. */
public interface CheckpointReader {

    /** The stream of plugins that pull a single stream (CTE indicators, CTO alerts). */
    String DEFAULT_STREAM = "default";

    Checkpoint checkpoint(String configurationId, String stream);
}
