package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.PageResponse;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.workers.BatchItems;
import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's own Threat Exchange classes, wired by hand as the Spring context wires them (this class sits in
 * their package only to reach their package-private constructors): the CTE worker's batch handler with its
 * writer, and the IoC table's service with its query compiler.
 */
public final class CtePaths {

    private final IndicatorBatchHandler handler;
    private final IndicatorService service;
    private final IndicatorFilter filters;
    private final MongoTemplate mongo;

    public CtePaths(MongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        IndicatorWriter writer = new IndicatorWriter(mongo, new CteSettingsStore(mongo), clock);
        // Items are generated valid; a skipped item would need the platform log's repository.
        BatchItems items = new BatchItems(json, new PlatformLog(null, clock));
        this.handler = new IndicatorBatchHandler(writer, items, clock);
        this.filters = new IndicatorFilter(clock);
        this.service = new IndicatorService(mongo, filters, clock);
    }

    /** What the CTE worker does with one batch message from the broker. */
    public void handle(BatchMessage batch) {
        handler.handle(batch);
    }

    /** What a page of the IoC table held: its rows and the total the table shows. */
    public record Page(int items, long total) {
    }

    /** {@code GET /api/cte/indicators?q=&page=&size=&sort=} without the HTTP layer. */
    public Page page(String q, int page, int size, String sort) {
        PageResponse<IndicatorView> response = service.page(q, page, size, sort);
        return new Page(response.items().size(), response.total());
    }

    public Document filter(String q) {
        return filters.of(q, "q");
    }

    /** The sort the IoC table uses for {@code sort} (null: its default). */
    public static Document sort(String sort) {
        Document order = new Document();
        IndicatorService.sortOf(sort).forEach(o -> order.append(o.getProperty(), o.isAscending() ? 1 : -1));
        return order;
    }

    /** The V35 migration's indexes (the embedded server keeps only unique ones and skips the rest). */
    public void createIndexes(boolean embedded) {
        new V35IndicatorIndexes(new IndexCreator(embedded)).apply(mongo);
    }
}
