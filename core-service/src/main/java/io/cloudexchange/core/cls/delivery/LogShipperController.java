package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.api.PageResponse;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Log Shipper delivery", description = "Dead letters, replay, counters and destination backlogs")
class LogShipperController {

    private static final String AUDIT_TARGET = "cls_dead_letters";

    private final DeadLetterStore deadLetters;
    private final DeadLetterReplay replay;
    private final SiemMappingRepository mappings;
    private final DestinationBackPressure backPressure;
    private final ClsCounters counters;
    private final MongoOperations mongo;
    private final AuditLog auditLog;
    private final Clock clock;

    LogShipperController(DeadLetterStore deadLetters, DeadLetterReplay replay, SiemMappingRepository mappings,
                         DestinationBackPressure backPressure, ClsCounters counters, MongoOperations mongo,
                         AuditLog auditLog, Clock clock) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.mappings = mappings;
        this.backPressure = backPressure;
        this.counters = counters;
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    record DeadLetterView(String id, String mappingId, String sourceConfigurationId, String destinationConfigurationId,
                          String stream, String batchId, String recordId, Map<String, Object> record, String reason,
                          Instant failedAt) {
    }

    @GetMapping("/api/cls/dead-letters")
    @Operation(summary = "Records refused for good, newest first")
    PageResponse<DeadLetterView> deadLetters(@RequestParam(required = false) String mappingId,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (page < 0) {
            errors.put("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            errors.put("size", "must be between 1 and 500");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        List<DeadLetterView> items = deadLetters.page(mappingId, page, size).stream()
                .map(letter -> new DeadLetterView(letter.id(), letter.mappingId(), letter.sourceConfigurationId(),
                        letter.destinationConfigurationId(), letter.stream(), letter.batchId(), letter.recordId(),
                        deadLetters.record(letter), letter.reason(), letter.failedAt()))
                .toList();
        return new PageResponse<>(items, page, size, deadLetters.count(mappingId));
    }

    record ReplayRequest(List<String> ids, String mappingId) {
    }

    @PostMapping("/api/cls/dead-letters/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue dead letters for delivery again",
            description = "Either ids (at most 10000) or a mappingId (its oldest 10000 dead letters).")
    DeadLetterReplay.Outcome replay(@RequestBody ReplayRequest request) {
        boolean byIds = request.ids() != null && !request.ids().isEmpty();
        boolean byMapping = request.mappingId() != null && !request.mappingId().isBlank();
        if (byIds == byMapping) {
            throw new InvalidRequestException(Map.of("ids", "give either ids or mappingId"), null);
        }
        if (byIds && request.ids().size() > DeadLetterReplay.MAX_PER_REQUEST) {
            throw InvalidRequestException.field("ids", "at most " + DeadLetterReplay.MAX_PER_REQUEST + " per request");
        }
        if (byMapping && !mappings.existsById(request.mappingId())) {
            throw InvalidRequestException.field("mappingId", "no SIEM mapping '" + request.mappingId() + "'");
        }
        List<DeadLetter> letters = byIds ? deadLetters.find(request.ids())
                : deadLetters.ofMapping(request.mappingId(), DeadLetterReplay.MAX_PER_REQUEST);
        DeadLetterReplay.Outcome outcome = replay.replay(letters);
        auditLog.record(AuditAction.UPDATE, AUDIT_TARGET, byIds ? "ids" : "mapping:" + request.mappingId(),
                AuditChanges.of().field("replayed", null, outcome.replayed()).field("skipped", null, outcome.skipped()));
        return outcome;
    }

    @DeleteMapping("/api/cls/dead-letters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        if (deadLetters.delete(List.of(id)) == 0) {
            throw new NotFoundException("Dead letter", id);
        }
        auditLog.record(AuditAction.DELETE, AUDIT_TARGET, id, AuditChanges.of().field("id", id, null));
    }

    record Totals(long pulled, long filteredOut, long sent, long failed, long deadLettered, long discarded) {
        static Totals of(Document bucket) {
            return new Totals(number(bucket, "pulled"), number(bucket, "filteredOut"), number(bucket, "sent"),
                    number(bucket, "failed"), number(bucket, "deadLettered"), number(bucket, "discarded"));
        }

        Totals plus(Totals other) {
            return new Totals(pulled + other.pulled, filteredOut + other.filteredOut, sent + other.sent,
                    failed + other.failed, deadLettered + other.deadLettered, discarded + other.discarded);
        }

        private static long number(Document bucket, String field) {
            return bucket.get(field) instanceof Number number ? number.longValue() : 0;
        }
    }

    record Point(Instant minute, Totals counts) {
    }

    record MappingCounters(String mappingId, String name, String destinationConfigurationId, Totals totals,
                           Double lagSeconds, long queuedBatches, boolean sourcePaused, List<Point> series) {
    }

    @GetMapping("/api/cls/counters")
    @Operation(summary = "Per SIEM mapping: counts over the last minutes, per-minute series, lag and backlog")
    List<MappingCounters> counters(@RequestParam(defaultValue = "60") int minutes) {
        if (minutes < 1 || minutes > 7 * 24 * 60) {
            throw InvalidRequestException.field("minutes", "must be between 1 and 10080");
        }
        Instant from = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<String, Long> depths = backPressure.depths();
        List<MappingCounters> answer = new ArrayList<>();
        for (SiemMapping mapping : mappings.findAll(Sort.by("name"))) {
            List<Point> series = mongo.find(Query.query(Criteria.where("mappingId").is(mapping.id())
                            .and("minute").gte(from)).with(Sort.by("minute")), Document.class, ClsCounters.COLLECTION)
                    .stream().map(bucket -> new Point(bucket.getDate("minute").toInstant(), Totals.of(bucket)))
                    .toList();
            Totals totals = series.stream().map(Point::counts).reduce(new Totals(0, 0, 0, 0, 0, 0), Totals::plus);
            answer.add(new MappingCounters(mapping.id(), mapping.name(), mapping.destinationConfigurationId(), totals,
                    counters.lagSeconds(mapping.id()), depths.getOrDefault(mapping.destinationConfigurationId(), 0L),
                    !backPressure.mayPull(mapping.sourceConfigurationId()), series));
        }
        return answer;
    }
}
