package io.cloudexchange.plugin.api.cre;

import java.util.List;

/** Outcome of a batch of actions; {@code failedRequestIds} lists the requests that did not apply. */
public record ActionResult(boolean success, String message, List<String> failedRequestIds) {

    public ActionResult {
        message = message == null ? "" : message;
        failedRequestIds = failedRequestIds == null ? List.of() : List.copyOf(failedRequestIds);
    }
}
