package io.cloudexchange.core.cte;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stored indicators, most recently seen first (served by the {@code lastSeen} index). */
@RestController
@RequestMapping("/api/cte/indicators")
class IndicatorController {

    static final int MAX_PAGE_SIZE = 1000;

    private final MongoOperations mongo;

    IndicatorController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    IndicatorPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "lastSeen")).skip((long) page * size).limit(size);
        var items = mongo.find(query, StoredIndicator.class).stream().map(IndicatorView::of).toList();
        return new IndicatorPage(items, page, size, mongo.estimatedCount(StoredIndicator.class));
    }
}
