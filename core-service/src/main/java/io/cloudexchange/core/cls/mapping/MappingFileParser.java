package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a mapping file in Cloud Exchange's format and checks every entry. All problems are collected,
 * each keyed by its JSON path (e.g. {@code taxonomy.alerts.dlp.extension.src.transformation}), so a
 * rejected file can be fixed in one go.
 */
public final class MappingFileParser {

    static final List<String> CEF_HEADERS = List.of("Device Vendor", "Device Product", "Device Version",
            "Device Event Class ID", "Name", "Severity");
    static final List<String> LEEF_HEADERS = List.of("Vendor", "Product", "Version", "EventID");
    private static final Set<String> ROOT_KEYS = Set.of("delimiter", "cef_version", "leef_version", "leef_delimiter",
            "taxonomy", "json", "validator");
    private static final Set<String> ENTRY_KEYS = Set.of("mapping_field", "default_value", "transformation", "is_json_path");
    private static final Map<String, LogType> LOG_TYPES = Map.of("alerts", LogType.ALERT, "events", LogType.EVENT);
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private MappingFileParser() {
    }

    /**
     * @throws InvalidMappingFileException with every problem found
     */
    public static MappingDefinition parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidMappingFileException(Map.of("", "is not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        return new Reader().read(root);
    }

    /** Collects problems while it reads; keeps going after each one. */
    private static final class Reader {

        private final Map<String, String> errors = new LinkedHashMap<>();

        MappingDefinition read(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw new InvalidMappingFileException(Map.of("", "must be a JSON object"));
            }
            for (String key : root.propertyNames()) {
                if (!ROOT_KEYS.contains(key) && !key.endsWith("_version")) {
                    errors.put(key, "unknown key; expected one of delimiter, cef_version, leef_version, leef_delimiter, "
                            + "taxonomy, json");
                }
            }
            JsonNode delimiter = root.get("delimiter");
            if (delimiter != null && !"|".equals(delimiter.asString(null))) {
                errors.put("delimiter", "must be \"|\" (the CEF/LEEF header delimiter)");
            }
            String cefVersion = version(root, "cef_version", Set.of("0", "1"));
            String leefVersion = version(root, "leef_version", Set.of("1.0", "2.0"));
            if (cefVersion != null && leefVersion != null) {
                errors.put("leef_version", "a file maps its taxonomy to CEF or to LEEF, not both");
            }
            char leefDelimiter = leefDelimiter(root, leefVersion);
            List<String> headers = leefVersion != null && cefVersion == null ? LEEF_HEADERS : CEF_HEADERS;
            Map<LogType, Map<String, SubtypeMapping>> taxonomy = taxonomy(root.get("taxonomy"), headers,
                    cefVersion != null || leefVersion != null, leefVersion != null && cefVersion == null);
            Map<LogType, Map<String, List<String>>> json = json(root.get("json"));
            if (taxonomy.isEmpty() && json.isEmpty() && errors.isEmpty()) {
                errors.put("", "defines no format: add a taxonomy (with cef_version or leef_version) or a json section");
            }
            if (!errors.isEmpty()) {
                throw new InvalidMappingFileException(errors);
            }
            return new MappingDefinition(cefVersion, leefVersion, leefDelimiter, taxonomy, json);
        }

        private String version(JsonNode root, String key, Set<String> allowed) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            String value = node.isNumber() ? node.numberValue().toString() : node.asString(null);
            if (value == null || !allowed.contains(value)) {
                errors.put(key, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
                return null;
            }
            return value;
        }

        private char leefDelimiter(JsonNode root, String leefVersion) {
            JsonNode node = root.get("leef_delimiter");
            if (node == null || node.isNull()) {
                return '\t';
            }
            if (!"2.0".equals(leefVersion)) {
                errors.put("leef_delimiter", "is only used with leef_version 2.0 (LEEF 1.0 always uses TAB)");
                return '\t';
            }
            try {
                return LeefDelimiters.parse(node.asString(""));
            } catch (IllegalArgumentException e) {
                errors.put("leef_delimiter", e.getMessage());
                return '\t';
            }
        }

        private Map<LogType, Map<String, SubtypeMapping>> taxonomy(JsonNode node, List<String> headers, boolean used,
                                                                   boolean leef) {
            Map<LogType, Map<String, SubtypeMapping>> taxonomy = new EnumMap<>(LogType.class);
            if (node == null || node.isNull()) {
                if (used) {
                    errors.put("taxonomy", "is required with cef_version or leef_version");
                }
                return taxonomy;
            }
            if (!used) {
                errors.put("taxonomy", "needs cef_version or leef_version to say which format it maps to");
                return taxonomy;
            }
            if (!object(node, "taxonomy")) {
                return taxonomy;
            }
            for (Map.Entry<String, JsonNode> type : node.properties()) {
                String path = "taxonomy." + type.getKey();
                LogType logType = logType(type.getKey(), path);
                if (logType == null || !object(type.getValue(), path)) {
                    continue;
                }
                Map<String, SubtypeMapping> subtypes = new LinkedHashMap<>();
                Map<String, String> firstSpelling = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> subtype : type.getValue().properties()) {
                    String subtypePath = path + "." + subtype.getKey();
                    String key = Subtypes.key(subtype.getKey());
                    String other = firstSpelling.putIfAbsent(key, subtype.getKey());
                    if (other != null) {
                        errors.put(subtypePath, "is the same subtype as '" + other + "' (case, spaces, '-' and '_' are ignored)");
                        continue;
                    }
                    SubtypeMapping mapping = subtype(subtype.getValue(), subtypePath, headers, leef);
                    if (mapping != null) {
                        subtypes.put(key, mapping);
                    }
                }
                taxonomy.put(logType, subtypes);
            }
            return taxonomy;
        }

        private SubtypeMapping subtype(JsonNode node, String path, List<String> headers, boolean leef) {
            if (!object(node, path)) {
                return null;
            }
            for (String key : node.propertyNames()) {
                if (!key.equals("header") && !key.equals("extension")) {
                    errors.put(path + "." + key, "unknown key; expected header and extension");
                }
            }
            List<FieldMapping> header = entries(node.get("header"), path + ".header", true, headers, leef);
            List<FieldMapping> extension = entries(node.get("extension"), path + ".extension", false, headers, leef);
            if (node.get("header") != null && node.get("header").isObject()) {
                for (String required : headers) {
                    if (header.stream().noneMatch(h -> h.target().equals(required))
                            && !errors.containsKey(path + ".header." + required)) {
                        errors.put(path + ".header." + required, "is required");
                    }
                }
            }
            return new SubtypeMapping(header, extension);
        }

        private List<FieldMapping> entries(JsonNode node, String path, boolean header, List<String> headers, boolean leef) {
            List<FieldMapping> entries = new ArrayList<>();
            if (node == null) {
                errors.put(path, "is required");
                return entries;
            }
            if (!object(node, path)) {
                return entries;
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String target = entry.getKey();
                String entryPath = path + "." + target;
                if (header && !headers.contains(target)) {
                    errors.put(entryPath, "unknown header; expected one of " + String.join(", ", headers));
                    continue;
                }
                if (!header && !validExtensionKey(target, leef)) {
                    errors.put(entryPath, leef ? "a LEEF attribute name cannot be empty or contain '=', '|', spaces or control characters"
                            : "a CEF extension key must be letters, digits and '_' only");
                    continue;
                }
                FieldMapping mapping = entry(entry.getValue(), entryPath, target);
                if (mapping != null) {
                    entries.add(mapping);
                }
            }
            return entries;
        }

        private FieldMapping entry(JsonNode node, String path, String target) {
            if (!object(node, path)) {
                return null;
            }
            int before = errors.size();
            for (String key : node.propertyNames()) {
                if (!ENTRY_KEYS.contains(key)) {
                    errors.put(path + "." + key, "unknown key; expected mapping_field, default_value, transformation");
                }
            }
            JsonNode isJsonPath = node.get("is_json_path");
            if (isJsonPath != null && isJsonPath.asBoolean(false)) {
                errors.put(path + ".is_json_path", "JSONPath is not supported; use a dotted path such as 'a.b' in mapping_field");
            }
            String field = text(node.get("mapping_field"), path + ".mapping_field", false);
            String defaultValue = text(node.get("default_value"), path + ".default_value", true);
            Transformation transformation = transformation(node.get("transformation"), path + ".transformation");
            if ((field == null || field.isEmpty()) && defaultValue == null && errors.size() == before) {
                errors.put(path, "needs a mapping_field or a default_value");
            }
            if (defaultValue != null && transformation != null) {
                try {
                    Object converted = transformation.apply(defaultValue);
                    if (target.equals("Severity") || target.equals("sev")) {
                        Severities.score(converted);
                    }
                } catch (IllegalArgumentException e) {
                    errors.put(path + ".default_value", e.getMessage() + " (transformation '" + transformation.label() + "')");
                }
            }
            if (errors.size() != before) {
                return null;
            }
            return new FieldMapping(target, field == null || field.isEmpty() ? null : field, defaultValue, transformation);
        }

        private String text(JsonNode node, String path, boolean scalarsAllowed) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isString()) {
                return node.stringValue();
            }
            if (scalarsAllowed && (node.isNumber() || node.isBoolean())) {
                return node.asString();
            }
            errors.put(path, scalarsAllowed ? "must be a string, number or boolean" : "must be a string");
            return null;
        }

        private Transformation transformation(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return Transformation.STRING;
            }
            String label = node.asString(null);
            Transformation transformation = label == null ? null : Transformation.byLabel(label).orElse(null);
            if (transformation == null) {
                errors.put(path, "unknown transformation '" + (label == null ? node.toString() : label)
                        + "'; expected one of " + Transformation.LABELS);
            }
            return transformation;
        }

        private Map<LogType, Map<String, List<String>>> json(JsonNode node) {
            Map<LogType, Map<String, List<String>>> json = new EnumMap<>(LogType.class);
            if (node == null || node.isNull() || !object(node, "json")) {
                return json;
            }
            for (Map.Entry<String, JsonNode> type : node.properties()) {
                String path = "json." + type.getKey();
                LogType logType = logType(type.getKey(), path);
                if (logType == null || !object(type.getValue(), path)) {
                    continue;
                }
                Map<String, List<String>> subtypes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> subtype : type.getValue().properties()) {
                    String subtypePath = path + "." + subtype.getKey();
                    if (!subtype.getValue().isArray()) {
                        errors.put(subtypePath, "must be a list of field names ([] sends every field)");
                        continue;
                    }
                    List<String> fields = new ArrayList<>();
                    int index = 0;
                    for (JsonNode field : subtype.getValue()) {
                        if (!field.isString() || field.stringValue().isBlank()) {
                            errors.put(subtypePath + "[" + index + "]", "must be a field name");
                        } else {
                            fields.add(field.stringValue());
                        }
                        index++;
                    }
                    if (subtypes.putIfAbsent(Subtypes.key(subtype.getKey()), List.copyOf(fields)) != null) {
                        errors.put(subtypePath, "is the same subtype as another key (case, spaces, '-' and '_' are ignored)");
                    }
                }
                json.put(logType, subtypes);
            }
            return json;
        }

        private LogType logType(String key, String path) {
            LogType type = LOG_TYPES.get(key);
            if (type == null) {
                errors.put(path, "unknown log type; expected alerts or events");
            }
            return type;
        }

        private boolean object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                errors.put(path, "must be an object");
                return false;
            }
            return true;
        }

        private static boolean validExtensionKey(String key, boolean leef) {
            if (key.isEmpty()) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                boolean ok = leef ? c > ' ' && c != '=' && c != '|' && c != 127
                        : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
