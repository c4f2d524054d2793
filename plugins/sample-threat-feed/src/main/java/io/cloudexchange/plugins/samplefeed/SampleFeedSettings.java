package io.cloudexchange.plugins.samplefeed;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The feed's configuration.
 *
 * @param seed makes the generated indicators reproducible: the same seed yields the same values
 * @param perPage indicators per pulled page
 * @param total indicators this configuration ever generates
 * @param types indicator types, generated in turn
 * @param severity the severity of every indicator, or empty for a seed-derived mix
 * @param tag the tag put on every indicator, or empty for none
 */
record SampleFeedSettings(long seed, int perPage, long total, List<IndicatorType> types, Optional<Severity> severity,
                          Optional<String> tag) {

    static final String SEED = "seed";
    static final String PER_PAGE = "indicators_per_page";
    static final String TOTAL = "total";
    static final String TYPES = "types";
    static final String SEVERITY = "severity";
    static final String TAG = "tag";
    static final String MIXED = "mixed";
    /** Keeps every generated IPv4 value distinct (they are drawn from 10.0.0.0/8). */
    static final long MAX_TOTAL = 1_000_000;
    /** Largest integer a browser form handles exactly. */
    private static final double MAX_SEED = 9_007_199_254_740_991d;

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.number(SEED, "Seed").range(0, MAX_SEED).withDefault(42).required()
                    .withDescription("The same seed always generates the same indicators."),
            ConfigField.number(PER_PAGE, "Indicators per page").range(1, 10_000).withDefault(100).required(),
            ConfigField.number(TOTAL, "Total indicators").range(1, MAX_TOTAL).withDefault(1000).required()
                    .withDescription("The feed stops after this many indicators."),
            ConfigField.multichoice(TYPES, "Indicator types", choices(IndicatorType.values()))
                    .withDefault(List.of("url", "sha256", "ipv4")).required(),
            ConfigField.choice(SEVERITY, "Severity", severityChoices()).withDefault(MIXED).required(),
            ConfigField.text(TAG, "Tag").withMaxLength(64).withPlaceholder("sample-feed")
                    .withDescription("Tag added to every indicator; leave empty for none."));

    static SampleFeedSettings from(ConfigValues values) {
        String severity = values.string(SEVERITY, MIXED);
        String tag = values.string(TAG, "");
        return new SampleFeedSettings(
                values.number(SEED, 42),
                (int) values.number(PER_PAGE, 100),
                values.number(TOTAL, 1000),
                values.list(TYPES).stream().map(SampleFeedSettings::enumName).map(IndicatorType::valueOf).toList(),
                severity.equals(MIXED) ? Optional.empty() : Optional.of(Severity.valueOf(enumName(severity))),
                tag.isBlank() ? Optional.empty() : Optional.of(tag));
    }

    private static List<Choice> choices(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> Choice.of(value.name().toLowerCase(Locale.ROOT))).toList();
    }

    private static List<Choice> severityChoices() {
        return Stream.concat(Stream.of(new Choice("Mixed", MIXED)), choices(Severity.values()).stream()).toList();
    }

    private static String enumName(String value) {
        return value.toUpperCase(Locale.ROOT);
    }
}
