package io.cloudexchange.core.cls.mapping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import io.cloudexchange.core.api.InvalidRequestException;

@RestController
@RequestMapping("/api/cls/mapping-files")
@Tag(name = "Log Shipper mapping files", description = "How alerts and events become CEF, LEEF or JSON; shipped defaults are read-only")
class MappingFileController {

    /** Mapping files are small (the largest default is under 100 KB). */
    static final long MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private final MappingFileService service;

    MappingFileController(MappingFileService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List mapping files", description = "Shipped defaults first; without content.")
    List<MappingFileResponse> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mapping file with its content")
    MappingFileResponse get(@PathVariable String id) {
        return service.get(id);
    }

    @GetMapping("/{id}/download")
    @Operation(summary = "Download a mapping file", description = "The file's JSON text as an attachment.")
    ResponseEntity<byte[]> download(@PathVariable String id) {
        MappingFile file = service.download(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name().replaceAll("[^A-Za-z0-9._ -]", "_") + ".json", StandardCharsets.UTF_8)
                        .build().toString())
                .body(file.content().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a mapping file", description = "content is the file as a JSON object or as text; "
            + "an invalid file answers 400 with one error per JSON path, e.g. content.taxonomy.alerts.dlp.extension.src.transformation.")
    MappingFileResponse create(@RequestBody MappingFileRequest request) {
        return service.create(request);
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a mapping file", description = "multipart 'file' (this format, or CE's {\"name\",\"jsonData\"} export) "
            + "and an optional 'name'.")
    MappingFileResponse upload(@RequestParam("file") MultipartFile file, @RequestParam(name = "name", required = false) String name)
            throws IOException {
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw InvalidRequestException.field("file", "is larger than " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB");
        }
        return service.upload(name, file.getOriginalFilename(), new String(file.getBytes(), StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a mapping file", description = "Body {\"name\"} optional; the copy can be edited.")
    MappingFileResponse copy(@PathVariable String id, @RequestBody(required = false) CopyRequest request) {
        return service.copy(id, request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a mapping file", description = "name and/or content; shipped defaults answer 400.")
    MappingFileResponse update(@PathVariable String id, @RequestBody MappingFileRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a mapping file", description = "Shipped defaults answer 400.")
    void delete(@PathVariable String id) {
        service.delete(id);
    }
}
