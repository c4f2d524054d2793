package io.cloudexchange.core.cls.siem;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cls/siem-mappings")
@Tag(name = "Log Shipper SIEM mappings", description = "Source + business rule + destination + mapping file")
class SiemMappingController {

    private final SiemMappingService service;

    SiemMappingController(SiemMappingService service) {
        this.service = service;
    }

    @GetMapping
    List<SiemMapping> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    SiemMapping get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a SIEM mapping", description = "The configurations must exist and be a CLS log source "
            + "and a CLS log destination; the destination must take the mapping's format.")
    SiemMapping create(@RequestBody SiemMappingRequest request) {
        return service.create(request);
    }

    @PutMapping("/{id}")
    SiemMapping update(@PathVariable String id, @RequestBody SiemMappingRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id);
    }
}
