package io.cloudexchange.core.cls.rules;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cls/business-rules")
@Tag(name = "Log Shipper business rules", description = "Filters that choose which records a SIEM mapping ships")
class LogRuleController {

    /** The SIEM mappings' collection and field that refer to a rule. */
    static final String MAPPINGS = "cls_siem_mappings";

    private final BusinessRuleService service;
    private final MongoOperations mongo;

    LogRuleController(BusinessRuleService service, MongoOperations mongo) {
        this.service = service;
        this.mongo = mongo;
    }

    @GetMapping
    @Operation(summary = "List business rules, the built-in rule \"All\" included")
    List<BusinessRule> list() {
        service.ensureBuiltIn();
        return service.list();
    }

    @GetMapping("/{id}")
    BusinessRule get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a business rule")
    BusinessRule create(@RequestBody BusinessRuleRequest request) {
        return service.create(request);
    }

    @PutMapping("/{id}")
    BusinessRule update(@PathVariable String id, @RequestBody BusinessRuleRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id, mongo.exists(Query.query(where("businessRuleId").is(id)), MAPPINGS));
    }
}
