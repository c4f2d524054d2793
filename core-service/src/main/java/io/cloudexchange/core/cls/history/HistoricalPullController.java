package io.cloudexchange.core.cls.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cls/historical-pulls")
@Tag(name = "Log Shipper historical pulls", description = "Pull a past range of a SIEM mapping's source into that mapping")
class HistoricalPullController {

    private final HistoricalPullService service;

    HistoricalPullController(HistoricalPullService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "A SIEM mapping's historical pulls, newest first, and whether its source can pull history")
    HistoricalPulls list(@RequestParam String mappingId) {
        return service.list(mappingId);
    }

    @GetMapping("/{id}")
    HistoricalPullJob get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a historical pull", description = "Pulls the records of [from, to] from the mapping's "
            + "source and ships them to this mapping only. One running pull per source.")
    HistoricalPullJob start(@RequestBody HistoricalPullRequest request) {
        return service.start(request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a running historical pull", description = "It stops after the page it is on.")
    HistoricalPullJob cancel(@PathVariable String id) {
        return service.cancel(id);
    }
}
