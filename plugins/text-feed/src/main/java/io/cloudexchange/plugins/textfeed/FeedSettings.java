package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configuration of a text or CSV feed.
 *
 * @param fixedType the type of every value, or empty to detect it per value
 */
record FeedSettings(String url, boolean csv, String csvColumn, Optional<IndicatorType> fixedType, String username,
                    String password, String headerName, String headerValue, Severity severity, int reputation,
                    List<String> tags, int pageSize) {

    static final String URL = "feed_url";
    static final String FORMAT = "format";
    static final String CSV_COLUMN = "csv_column";
    static final String TYPE = "indicator_type";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String HEADER_NAME = "header_name";
    static final String HEADER_VALUE = "header_value";
    static final String SEVERITY = "severity";
    static final String REPUTATION = "reputation";
    static final String TAGS = "tags";
    static final String PAGE_SIZE = "page_size";
    static final String AUTO = "auto";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(URL, "Feed URL").required().withMaxLength(2048)
                    .withPlaceholder("https://feeds.example.com/bad-domains.txt"),
            ConfigField.choice(FORMAT, "Format", List.of(new Choice("One value per line", "text"),
                    new Choice("CSV", "csv"))).withDefault("text"),
            ConfigField.text(CSV_COLUMN, "CSV column").withDefault("1").withMaxLength(200)
                    .withDescription("The column holding the value: its number (1 = first, no header row) or the"
                            + " name in the header row."),
            ConfigField.choice(TYPE, "Indicator type", typeChoices()).withDefault(AUTO)
                    .withDescription("Detected per value, or the same for every value."),
            ConfigField.text(USERNAME, "Username").withDescription("HTTP basic authentication, if the feed needs it."),
            ConfigField.password(PASSWORD, "Password"),
            ConfigField.text(HEADER_NAME, "Header name").withPlaceholder("X-API-Key")
                    .withDescription("A header sent with every request, e.g. an API key."),
            ConfigField.password(HEADER_VALUE, "Header value"),
            ConfigField.choice(SEVERITY, "Severity", Arrays.stream(Severity.values())
                    .map(s -> Choice.of(s.name().toLowerCase(Locale.ROOT))).toList()).withDefault("unknown"),
            ConfigField.number(REPUTATION, "Reputation").range(1, 10).withDefault(5),
            ConfigField.text(TAGS, "Tags").withDescription("Comma-separated tags given to every indicator."),
            ConfigField.number(PAGE_SIZE, "Indicators per batch").range(100, 100_000).withDefault(10_000));

    private static List<Choice> typeChoices() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("Detect", AUTO));
        for (IndicatorType type : IndicatorType.values()) {
            choices.add(Choice.of(type.name().toLowerCase(Locale.ROOT)));
        }
        return choices;
    }

    static FeedSettings from(ConfigValues values) {
        String type = values.string(TYPE, AUTO);
        Optional<IndicatorType> fixed = type.equals(AUTO) ? Optional.empty()
                : Optional.of(IndicatorType.valueOf(type.toUpperCase(Locale.ROOT)));
        List<String> tags = Arrays.stream(values.string(TAGS, "").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
        return new FeedSettings(values.string(URL, "").strip(), "csv".equals(values.string(FORMAT, "text")),
                values.string(CSV_COLUMN, "1").strip(), fixed, values.string(USERNAME, ""), values.string(PASSWORD, ""),
                values.string(HEADER_NAME, "").strip(), values.string(HEADER_VALUE, ""),
                Severity.valueOf(values.string(SEVERITY, "unknown").toUpperCase(Locale.ROOT)),
                (int) values.number(REPUTATION, 5), tags, (int) values.number(PAGE_SIZE, 10_000));
    }
}
