package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The configuration of a MISP source. */
record MispSettings(String baseUrl, String apiKey, boolean toIdsOnly, boolean publishedOnly, List<String> tags,
                    List<String> excludedTags, boolean eventTags, Duration initialRange, int pageSize) {

    static final String BASE_URL = "base_url";
    static final String API_KEY = "api_key";
    static final String TO_IDS = "to_ids_only";
    static final String PUBLISHED = "published_only";
    static final String TAGS = "tags";
    static final String EXCLUDED_TAGS = "excluded_tags";
    static final String EVENT_TAGS = "include_event_tags";
    static final String DAYS = "initial_range_days";
    static final String PAGE_SIZE = "page_size";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(BASE_URL, "MISP URL").required().withMaxLength(2048)
                    .withPlaceholder("https://misp.example.com"),
            ConfigField.password(API_KEY, "API key").required()
                    .withDescription("An authentication key of a user allowed to use the API (sent as Authorization)."),
            ConfigField.bool(TO_IDS, "Only attributes marked for IDS (to_ids)").withDefault(true),
            ConfigField.bool(PUBLISHED, "Only attributes of published events").withDefault(false),
            ConfigField.text(TAGS, "Tags").withMaxLength(4096)
                    .withDescription("Comma-separated: only attributes with one of these tags (e.g. tlp:white)."),
            ConfigField.text(EXCLUDED_TAGS, "Excluded tags").withMaxLength(4096)
                    .withDescription("Comma-separated: attributes with one of these tags are skipped."),
            ConfigField.bool(EVENT_TAGS, "Add the event's tags").withDefault(true),
            ConfigField.number(DAYS, "Initial range (days)").range(0, 365).withDefault(7),
            ConfigField.number(PAGE_SIZE, "Attributes per request").range(10, 50_000).withDefault(5_000));

    static MispSettings from(ConfigValues values) {
        return new MispSettings(values.string(BASE_URL, "").strip().replaceAll("/+$", ""), values.string(API_KEY, ""),
                values.bool(TO_IDS, true), values.bool(PUBLISHED, false), list(values.string(TAGS, "")),
                list(values.string(EXCLUDED_TAGS, "")), values.bool(EVENT_TAGS, true),
                Duration.ofDays(values.number(DAYS, 7)), (int) values.number(PAGE_SIZE, 5_000));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
