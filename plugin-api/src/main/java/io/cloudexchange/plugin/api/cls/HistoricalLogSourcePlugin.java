package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PluginContext;

/**
 * A log source that can also read a past time range on demand ("Pull historical data"). Implementing
 * this interface is the capability: the core offers historical pulls only for sources whose plugin
 * implements it and answers that the source cannot pull history otherwise.
 * <p>
 * Contract:
 * <ul>
 * <li>The core calls {@link #pullHistorical} for one stream of one job repeatedly, each time with the
 * checkpoint of the last page it published (initial for the first call), until a page says
 * {@link HistoricalPage#done()}. A job's checkpoints are kept apart from the live pull's: reading history
 * must never move the stream's live position (for example, use a separate iterator per job,
 * {@link HistoricalRange#jobId()} is unique).</li>
 * <li>Pages carry only records whose time is within {@code [from, to]} (both inclusive, whole seconds);
 * records outside are dropped by the plugin.</li>
 * <li>{@code page().hasMore()} asks to be called again at once; a page that is neither done nor has more
 * asks the core to wait (e.g. the source's rate limit) before calling again.</li>
 * <li>The checkpoint is stored by the core only after the page was published, so a restart resumes
 * from it: a page may be read twice after a crash, never skipped.</li>
 * </ul>
 */
public interface HistoricalLogSourcePlugin extends LogSourcePlugin {

    /** The page of the stream's records in the range after the checkpoint. */
    HistoricalPage pullHistorical(PluginContext context, LogStream stream, HistoricalRange range,
                                  Checkpoint checkpoint);
}
