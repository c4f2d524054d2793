package io.cloudexchange.core.workers;

import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns a batch's JSON items back into typed records; an item that does not fit is logged and skipped. */
@Component
public class BatchItems {

    /** An item of a batch was invalid and skipped; the rest of its batch was stored. */
    public static final String INVALID_ITEM = "CE-3001";

    private final JsonMapper json;
    private final PlatformLog platformLog;

    public BatchItems(JsonMapper json, PlatformLog platformLog) {
        this.json = json;
        this.platformLog = platformLog;
    }

    public <T> List<T> read(BatchMessage batch, Class<T> type) {
        List<T> items = new ArrayList<>(batch.items().size());
        for (Map<String, Object> item : batch.items()) {
            try {
                items.add(json.convertValue(item, type));
            } catch (JacksonException | IllegalArgumentException e) {
                skip(batch, item, e.getMessage());
            }
        }
        return items;
    }

    /** Logs that an item was skipped, under the configuration that pulled it. */
    public void skip(BatchMessage batch, Object item, String reason) {
        String shown = String.valueOf(item);
        platformLog.warn(PlatformLog.configurationSource(batch.configurationId()), INVALID_ITEM,
                "Skipped an invalid " + batch.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " item (" + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown) + "): " + reason);
    }
}
