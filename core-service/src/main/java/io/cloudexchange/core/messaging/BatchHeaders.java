package io.cloudexchange.core.messaging;

/** Message headers set on batches; they let operators read a queued batch without parsing its body. */
public final class BatchHeaders {

    public static final String MODULE = "x-ce-module";
    public static final String CONFIGURATION_ID = "x-ce-configuration-id";
    public static final String PLUGIN_ID = "x-ce-plugin-id";
    public static final String BATCH_ID = "x-ce-batch-id";
    public static final String KIND = "x-ce-kind";
    public static final String ITEM_COUNT = "x-ce-items";
    /** On a historical pull's batches: the only SIEM mapping that ships them. */
    public static final String TARGET_MAPPING_ID = "x-ce-target-mapping";
    /** How many times the batch failed transiently so far. */
    public static final String ATTEMPTS = "x-ce-attempts";
    /** On dead-lettered batches: the exception class and message that made the handler give up. */
    public static final String FAILURE_EXCEPTION = "x-ce-failure-exception";
    public static final String FAILURE_REASON = "x-ce-failure-reason";
    public static final String FAILED_AT = "x-ce-failed-at";

    static final String PREFIX = "x-ce-";

    private BatchHeaders() {
    }
}
