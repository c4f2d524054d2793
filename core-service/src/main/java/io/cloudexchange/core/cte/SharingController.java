package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.ActionDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@RequestMapping("/api/cte/sharing")
@Tag(name = "Threat Exchange")
class SharingController {

    private final Sharings sharings;

    SharingController(Sharings sharings) {
        this.sharings = sharings;
    }

    @GetMapping
    @Operation(summary = "Sharing configurations with their status and counts")
    List<SharingConfiguration> list() {
        return sharings.list();
    }

    @GetMapping("/{id}")
    SharingConfiguration get(@PathVariable String id) {
        return sharings.get(id);
    }

    @GetMapping("/actions")
    @Operation(summary = "The actions of a destination configuration's plugin and their parameter schemas")
    List<ActionDefinition> actions(@RequestParam String destinationConfigurationId) {
        return sharings.actions(destinationConfigurationId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a sharing configuration; matching active indicators are shared at once")
    SharingConfiguration create(@RequestBody SharingRequest request) {
        return sharings.create(request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a sharing configuration (its progress is kept)")
    SharingConfiguration update(@PathVariable String id, @RequestBody SharingRequest request) {
        return sharings.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        sharings.delete(id);
    }

    @PostMapping("/{id}/sync")
    @Operation(summary = "Re-share the indicators changed in the last N days")
    SharingConfiguration sync(@PathVariable String id, @RequestParam(defaultValue = "7") int days) {
        return sharings.sync(id, days);
    }
}
