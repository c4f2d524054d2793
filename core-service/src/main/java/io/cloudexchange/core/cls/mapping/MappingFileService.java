package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mapping files: the shipped defaults (read-only) and administrators' files in MongoDB. Every file is
 * validated before it is saved; every change is audited and recompiles its mappers.
 */
@Service
public class MappingFileService {

    static final String AUDIT_TARGET = "cls_mapping_file";
    static final int MAX_NAME_LENGTH = 100;
    /** At most this many changed entries are recorded per update; the rest are counted. */
    static final int MAX_AUDITED_CHANGES = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DefaultMappingFiles defaults;
    private final MappingFileRepository repository;
    private final MappingFileLookup lookup;
    private final CompiledLogMappers mappers;
    private final AuditLog audit;
    private final Clock clock;
    private final List<MappingFileUsers> users;

    MappingFileService(DefaultMappingFiles defaults, MappingFileRepository repository, MappingFileLookup lookup,
                       CompiledLogMappers mappers, AuditLog audit, Clock clock, List<MappingFileUsers> users) {
        this.users = users;
        this.defaults = defaults;
        this.repository = repository;
        this.lookup = lookup;
        this.mappers = mappers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The defaults first, then the stored files by name. */
    public List<MappingFileResponse> list() {
        List<MappingFileResponse> files = new ArrayList<>();
        defaults.all().forEach(file -> files.add(response(file, false)));
        repository.findAll().stream()
                .sorted(Comparator.comparing(StoredMappingFile::name, String.CASE_INSENSITIVE_ORDER))
                .map(MappingFileLookup::toFile)
                .forEach(file -> files.add(response(file, false)));
        return files;
    }

    public MappingFileResponse get(String id) {
        return response(find(id), true);
    }

    /** The file's text for download, as stored (defaults as shipped). */
    public MappingFile download(String id) {
        return find(id);
    }

    public MappingFileResponse create(MappingFileRequest request) {
        String content = checkedContent(request.content(), "content");
        String name = checkedName(request.name(), null);
        return response(MappingFileLookup.toFile(insert(name, content, null)), true);
    }

    /** Creates a file from an uploaded one: our format, or CE's export ({@code {"name","jsonData":"<text>"}}). */
    public MappingFileResponse upload(String name, String fileName, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw InvalidRequestException.field("file", "is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        String uploadedName = null;
        if (node != null && node.isObject() && node.has("jsonData")) {
            uploadedName = node.path("name").asString(null);
            node = node.get("jsonData");
        }
        String content = checkedContent(node, "file");
        String chosen = name != null && !name.isBlank() ? name
                : uploadedName != null && !uploadedName.isBlank() ? uploadedName : baseName(fileName);
        return response(MappingFileLookup.toFile(insert(checkedName(chosen, null), content, "uploaded " + (fileName == null ? "file" : fileName))), true);
    }

    public MappingFileResponse copy(String id, CopyRequest request) {
        MappingFile source = find(id);
        String name = request == null || request.name() == null || request.name().isBlank()
                ? freeCopyName(source.name()) : request.name();
        return response(MappingFileLookup.toFile(insert(checkedName(name, null), source.content(), "copied from " + source.name() + " (" + id + ")")), true);
    }

    public MappingFileResponse update(String id, MappingFileRequest request) {
        StoredMappingFile stored = stored(id, "changed");
        String content = request.content() == null ? stored.content() : checkedContent(request.content(), "content");
        String name = request.name() == null ? stored.name() : checkedName(request.name(), stored.id());
        StoredMappingFile saved = repository.save(new StoredMappingFile(stored.id(), name, content, stored.createdAt(),
                clock.instant(), stored.version()));
        mappers.evict(id);
        AuditChanges changes = AuditChanges.of().field("name", stored.name(), name);
        contentChanges(changes, stored.content(), content);
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes);
        return response(MappingFileLookup.toFile(saved), true);
    }

    public void delete(String id) {
        StoredMappingFile stored = stored(id, "deleted");
        List<String> usedBy = users.stream().flatMap(u -> u.namesUsing(id).stream()).toList();
        if (!usedBy.isEmpty()) {
            throw new ConflictException("id", "'" + stored.name() + "' is used by the SIEM mappings "
                    + String.join(", ", usedBy) + ": give them another mapping file or delete them first");
        }
        repository.deleteById(id);
        mappers.evict(id);
        audit.record(AuditAction.DELETE, AUDIT_TARGET, id, AuditChanges.of().field("name", stored.name(), null));
    }

    private StoredMappingFile insert(String name, String content, String origin) {
        Instant now = clock.instant();
        StoredMappingFile saved = repository.insert(new StoredMappingFile(null, name, content, now, now, null));
        AuditChanges changes = AuditChanges.of().field("name", null, name);
        if (origin != null) {
            changes.field("content", null, origin);
        } else {
            changes.field("content", null, content.length() + " characters");
        }
        audit.record(AuditAction.CREATE, AUDIT_TARGET, saved.id(), changes);
        return saved;
    }

    private MappingFile find(String id) {
        return lookup.find(id).orElseThrow(() -> new NotFoundException("Mapping file", id));
    }

    private StoredMappingFile stored(String id, String verb) {
        Optional<MappingFile> shipped = defaults.find(id);
        if (shipped.isPresent()) {
            throw new InvalidRequestException(Map.of("id", "is a shipped default mapping file"), "'" + shipped.get().name()
                    + "' is a shipped default: it cannot be " + verb + ". Copy it and " + (verb.equals("deleted")
                    ? "use the copy." : "edit the copy."));
        }
        return repository.findById(id).orElseThrow(() -> new NotFoundException("Mapping file", id));
    }

    /** The file's text when it is a valid mapping file; errors keyed {@code <field>.<json path>}. */
    private static String checkedContent(JsonNode content, String field) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw InvalidRequestException.field(field, "is required");
        }
        String text = content.isString() ? content.stringValue() : PRETTY.writeValueAsString(content);
        try {
            MappingFileParser.parse(text);
        } catch (InvalidMappingFileException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((path, problem) -> errors.put(path.isEmpty() ? field : field + "." + path, problem));
            throw new InvalidRequestException(errors, errors.size() == 1 ? "The mapping file is invalid"
                    : "The mapping file has " + errors.size() + " problems");
        }
        return text;
    }

    private String checkedName(String name, String ownId) {
        if (name == null || name.isBlank()) {
            throw InvalidRequestException.field("name", "is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw InvalidRequestException.field("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (defaults.findByName(name).isPresent()) {
            throw ConflictException.nameUsed(name);
        }
        repository.findByName(name).filter(other -> !other.id().equals(ownId)).ifPresent(other -> {
            throw ConflictException.nameUsed(name);
        });
        return name;
    }

    private String freeCopyName(String sourceName) {
        String base = "Copy of " + sourceName;
        String name = base.length() > MAX_NAME_LENGTH ? base.substring(0, MAX_NAME_LENGTH) : base;
        for (int n = 2; repository.findByName(name).isPresent(); n++) {
            String suffix = " (" + n + ")";
            name = (base.length() + suffix.length() > MAX_NAME_LENGTH ? base.substring(0, MAX_NAME_LENGTH - suffix.length())
                    : base) + suffix;
        }
        return name;
    }

    private static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String base = fileName.replaceAll(".*[/\\\\]", "");
        return base.toLowerCase().endsWith(".json") ? base.substring(0, base.length() - 5) : base;
    }

    /** One audit change per changed leaf of the JSON (e.g. {@code content.taxonomy.alerts.dlp.extension.src.mapping_field}). */
    private static void contentChanges(AuditChanges changes, String before, String after) {
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> next = new LinkedHashMap<>();
        flatten("content", JSON.readTree(before), old);
        flatten("content", JSON.readTree(after), next);
        List<String> paths = new ArrayList<>(old.keySet());
        next.keySet().stream().filter(path -> !old.containsKey(path)).forEach(paths::add);
        int recorded = 0;
        int more = 0;
        for (String path : paths) {
            Object was = old.get(path);
            Object now = next.get(path);
            if (java.util.Objects.equals(was, now)) {
                continue;
            }
            if (recorded < MAX_AUDITED_CHANGES) {
                changes.field(path, was, now);
                recorded++;
            } else {
                more++;
            }
        }
        if (more > 0) {
            changes.field("content", null, more + " more changed entries");
        }
    }

    private static void flatten(String path, JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            out.put(path, node.toString());
        } else {
            out.put(path, node.isNull() ? null : node.asString());
        }
    }

    private static MappingFileResponse response(MappingFile file, boolean withContent) {
        return new MappingFileResponse(file.id(), file.name(), file.readOnly(), file.definition().formats(),
                file.createdAt(), file.updatedAt(), withContent ? JSON.readTree(file.content()) : null);
    }
}
