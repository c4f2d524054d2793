package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cte/business-rules")
@Tag(name = "Threat Exchange")
class BusinessRuleController {

    static final int MAX_TEST_DAYS = 3650;

    record CloneRequest(String name) {
    }

    private final BusinessRules rules;
    private final SharingUsage usage;

    BusinessRuleController(BusinessRules rules, SharingUsage usage) {
        this.rules = rules;
        this.usage = usage;
    }

    @GetMapping
    @Operation(summary = "Business rules, by folder and name", description = "folder: only rules in it or below")
    List<BusinessRule> list(@RequestParam(required = false) String folder) {
        return rules.list(folder);
    }

    @GetMapping("/{id}")
    BusinessRule get(@PathVariable String id) {
        return rules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a business rule")
    BusinessRule create(@RequestBody BusinessRuleRequest request) {
        return rules.create(request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a business rule (mute and unmute with 'muted')")
    BusinessRule update(@PathVariable String id, @RequestBody BusinessRuleRequest request) {
        return rules.update(id, request);
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a business rule under a new name (default: '<name> (copy)')")
    BusinessRule copy(@PathVariable String id, @RequestBody(required = false) CloneRequest request) {
        return rules.copy(id, request == null ? null : request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a business rule no sharing configuration uses")
    void delete(@PathVariable String id) {
        rules.delete(id, usage.sharingsOfRule(id));
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Count what a saved rule matches, by type, without sharing",
            description = "days: indicators seen in the last N days; absent for all time")
    BusinessRules.TestResult test(@PathVariable String id, @RequestParam(required = false) Integer days) {
        return rules.test(rules.get(id), checkedDays(days));
    }

    @PostMapping("/test")
    @Operation(summary = "Count what an unsaved rule would match, by type, without sharing")
    BusinessRules.TestResult testUnsaved(@RequestBody BusinessRuleRequest request,
                                         @RequestParam(required = false) Integer days) {
        return rules.test(new BusinessRule(null, request.name(), request.folder(), request.filter(),
                request.exceptionQuery(), request.exceptionTags(), false, Instant.EPOCH, Instant.EPOCH, null),
                checkedDays(days));
    }

    private static Integer checkedDays(Integer days) {
        if (days != null && (days < 1 || days > MAX_TEST_DAYS)) {
            throw InvalidRequestException.field("days", "1 to " + MAX_TEST_DAYS + ", or absent for all time");
        }
        return days;
    }
}
