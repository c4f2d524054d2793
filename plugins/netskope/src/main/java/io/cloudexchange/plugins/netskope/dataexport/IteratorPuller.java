package io.cloudexchange.plugins.netskope.dataexport;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugins.netskope.http.RetryableFailure;
import io.cloudexchange.plugins.netskope.http.Sleeper;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls one page of one type per call, with a checkpoint that never passes unpublished data.
 * <p>
 * On the tenant, {@code next} acknowledges the page the iterator gave last and moves on, so the
 * plugin may send {@code next} only once that page was published. The checkpoint the platform
 * stores after publishing names that page ({@code page} = its number, {@code fingerprint} = its
 * size and first and last {@code _id}). Before asking for page k+1 the plugin records in storage
 * that it did ({@code requested} = k+1). A pull from checkpoint k therefore knows:
 * <ul>
 * <li>{@code requested == k}: the tenant's current page is page k, published: send {@code next}.</li>
 * <li>otherwise a page after k may have been handed out and lost (crash, failed publish, timeout,
 * broken body): send {@code resend}. If it returns page k again (same fingerprint) the tenant never
 * moved on and {@code next} follows; else it is the unpublished page, which is returned.</li>
 * </ul>
 * So a crash replays no page, or at most one if storage was lost, and never skips one.
 */
public final class IteratorPuller {

    static final String INDEX = "index";
    static final String PAGE = "page";
    static final String FINGERPRINT = "fingerprint";
    static final String HWM = "timestamp_hwm";
    /** A page this full means more is waiting, whatever {@code wait_time} says. */
    static final int FULL_PAGE = 10_000;
    /** Longer {@code wait_time}s end the pull with an empty page; the next run continues. */
    static final Duration MAX_INLINE_WAIT = Duration.ofSeconds(5);

    private final DataExportClient client;
    private final TenantHttp http;
    private final KeyValueStore storage;
    private final Clock clock;
    private final Sleeper sleeper;

    public IteratorPuller(DataExportClient client, TenantHttp http, KeyValueStore storage, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.http = http;
        this.storage = storage;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The page after the checkpoint.
     *
     * @param index the iterator index of this configuration and type
     * @param initialRange how far back the first pull starts
     */
    public PullPage<LogRecord> pull(String index, DataExportType type, Checkpoint checkpoint, Duration initialRange)
            throws InterruptedException {
        return pull(index, type, checkpoint, () -> clock.instant().minus(initialRange));
    }

    /**
     * The page after the checkpoint, an iterator that starts at a fixed time (a historical pull).
     *
     * @param start where the first page starts (operation = that epoch second)
     */
    public PullPage<LogRecord> pullFrom(String index, DataExportType type, Checkpoint checkpoint, Instant start)
            throws InterruptedException {
        return pull(index, type, checkpoint, () -> start);
    }

    private PullPage<LogRecord> pull(String index, DataExportType type, Checkpoint checkpoint,
                                     java.util.function.Supplier<Instant> start) throws InterruptedException {
        if (!waitTimeElapsed(index)) {
            return PullPage.last(List.of(), checkpoint);
        }
        boolean fresh = checkpoint.isInitial() || !checkpoint.get(INDEX).filter(index::equals).isPresent()
                || checkpoint.get(PAGE).filter(p -> p.matches("\\d{1,18}")).isEmpty();
        long page = fresh ? 1 : Long.parseLong(checkpoint.get(PAGE).orElseThrow()) + 1;
        DataExportPage result = fresh
                ? start(index, type, start.get())
                : following(index, type, page, checkpoint.get(FINGERPRINT).orElse(""));
        storage.put(requestedKey(index), Long.toString(page));
        if (result.waitTimeSeconds() > 0) {
            storage.put(notBeforeKey(index), Long.toString(clock.millis() + result.waitTimeSeconds() * 1000));
        } else {
            storage.remove(notBeforeKey(index));
        }
        return toPullPage(type, result, checkpoint.with(INDEX, index).with(PAGE, Long.toString(page))
                .with(FINGERPRINT, result.fingerprint()).with(HWM, Long.toString(result.timestampHwm())));
    }

    /** Positions the iterator at the start time; repeating it after a crash gives the same first page. */
    private DataExportPage start(String index, DataExportType type, Instant from) {
        storage.put(requestedKey(index), "1");
        return http.withRetries("Starting " + type + " at " + from,
                attempt -> client.fetch(index, type, Long.toString(from.getEpochSecond())));
    }

    private DataExportPage following(String index, DataExportType type, long page, String publishedFingerprint) {
        boolean published = storage.get(requestedKey(index)).filter(Long.toString(page - 1)::equals).isPresent();
        boolean[] verify = {!published};
        return http.withRetries("Reading " + type + " page " + page, attempt -> {
            if (verify[0]) {
                DataExportPage current = client.fetch(index, type, "resend");
                if (!current.fingerprint().equals(publishedFingerprint)) {
                    return current;
                }
                verify[0] = false;
            }
            storage.put(requestedKey(index), Long.toString(page));
            try {
                return client.fetch(index, type, "next");
            } catch (RetryableFailure failure) {
                verify[0] = failure.serverMayHaveActed();
                throw failure;
            }
        });
    }

    private boolean waitTimeElapsed(String index) throws InterruptedException {
        long wait = storage.get(notBeforeKey(index)).map(Long::parseLong).orElse(0L) - clock.millis();
        if (wait <= 0) {
            return true;
        }
        if (wait > MAX_INLINE_WAIT.toMillis()) {
            return false;
        }
        sleeper.sleep(Duration.ofMillis(wait));
        return true;
    }

    private static PullPage<LogRecord> toPullPage(DataExportType type, DataExportPage page, Checkpoint next) {
        List<LogRecord> records = new ArrayList<>(page.records().size());
        List<RejectedItem> rejected = new ArrayList<>();
        for (var raw : page.records()) {
            RecordMapper.Mapped mapped = RecordMapper.map(type, raw);
            if (mapped instanceof RecordMapper.Ok ok) {
                records.add(ok.record());
            } else if (mapped instanceof RecordMapper.Rejected no) {
                rejected.add(no.item());
            }
        }
        boolean more = page.records().size() >= FULL_PAGE || (page.waitTimeSeconds() == 0 && !page.records().isEmpty());
        return new PullPage<>(records, rejected, next, more);
    }

    static String requestedKey(String index) {
        return "dataexport." + index + ".requested";
    }

    static String notBeforeKey(String index) {
        return "dataexport." + index + ".not_before";
    }
}
