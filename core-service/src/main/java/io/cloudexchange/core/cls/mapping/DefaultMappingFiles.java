package io.cloudexchange.core.cls.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The mapping files shipped in the core's resources ({@code cls/mappings/}); they cannot be changed or deleted. */
@Component
public class DefaultMappingFiles {

    public static final String CEF_SYSLOG = "default-cef-syslog";
    public static final String LEEF_QRADAR = "default-leef-qradar";
    public static final String JSON = "default-json";

    private static final Instant SHIPPED = Instant.EPOCH;

    private final Map<String, MappingFile> files = new LinkedHashMap<>();

    public DefaultMappingFiles() {
        add(CEF_SYSLOG, "Syslog CEF Default Mappings", "cef-syslog.json");
        add(LEEF_QRADAR, "QRadar LEEF 2.0 Default Mappings", "leef-qradar.json");
        add(JSON, "JSON Default Mappings", "json.json");
    }

    public List<MappingFile> all() {
        return List.copyOf(files.values());
    }

    public Optional<MappingFile> find(String id) {
        return Optional.ofNullable(files.get(id));
    }

    public Optional<MappingFile> findByName(String name) {
        return files.values().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    private void add(String id, String name, String resource) {
        String content = read("/cls/mappings/" + resource);
        files.put(id, new MappingFile(id, name, true, content, MappingFileParser.parse(content), SHIPPED, SHIPPED, "shipped"));
    }

    private static String read(String resource) {
        try (InputStream in = DefaultMappingFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing shipped mapping file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
