package io.cloudexchange.plugins.netskope.dataexport;

import java.util.List;
import java.util.Map;

/**
 * One answer of the iterator.
 *
 * @param records the {@code result} array
 * @param waitTimeSeconds {@code wait_time}: how long to wait before asking again
 * @param timestampHwm {@code timestamp_hwm}: how far (epoch seconds) the iterator has read
 */
public record DataExportPage(List<Map<String, Object>> records, long waitTimeSeconds, long timestampHwm) {

    /** Identifies the page by its size and first and last {@code _id}, to recognise a page re-sent. */
    public String fingerprint() {
        if (records.isEmpty()) {
            return "0";
        }
        return records.size() + ":" + records.get(0).get("_id") + ":" + records.get(records.size() - 1).get("_id");
    }
}
