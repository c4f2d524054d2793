package io.cloudexchange.plugin.api.cre;

import io.cloudexchange.plugin.api.Action;
import java.util.Objects;

/** An action to perform on one record, identified so failures can be reported per request. */
public record ActionRequest(String id, RiskRecord record, Action action) {

    public ActionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(action, "action");
    }
}
