package io.cloudexchange.plugins.netskope.dataexport;

import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import io.cloudexchange.plugins.netskope.http.RetryableFailure;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v2/events/dataexport/{alerts|events}/{type}?index=..&operation=..}, one attempt. */
public final class DataExportClient {

    private final TenantHttp http;

    public DataExportClient(TenantHttp http) {
        this.http = http;
    }

    /** Runs an operation ({@code next}, {@code resend}, {@code head}, {@code tail} or an epoch second). */
    @SuppressWarnings("unchecked")
    public DataExportPage fetch(String index, DataExportType type, String operation) throws RetryableFailure {
        Map<String, Object> body = http.getJsonRecords(type.path() + "?index="
                + URLEncoder.encode(index, StandardCharsets.UTF_8) + "&operation=" + operation, RecordMapper.ID_FIELDS,
                RecordMapper.HEADER_FIELDS);
        Object ok = body.get("ok");
        if (ok != null && !Long.valueOf(1).equals(ok)) {
            throw new NetskopeApiException(NetskopeApiException.Problem.REJECTED, 200, type.path()
                    + " answered ok=" + ok + ": " + body.getOrDefault("message", body.get("error")), null);
        }
        if (!(body.get("result") instanceof List<?> result) || !result.stream().allMatch(Map.class::isInstance)) {
            throw RetryableFailure.brokenBody("no result array of records", null);
        }
        return new DataExportPage((List<Map<String, Object>>) result, number(body.get("wait_time"), 0),
                number(body.get("timestamp_hwm"), 0));
    }

    private static long number(Object value, long fallback) {
        return value instanceof Long l ? l : value instanceof Double d ? d.longValue() : fallback;
    }
}
