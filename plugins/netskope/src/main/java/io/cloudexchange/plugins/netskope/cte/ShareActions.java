package io.cloudexchange.plugins.netskope.cte;

import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The targets the Netskope plugin shares to, their parameters, and which indicators each accepts. */
public final class ShareActions {

    public static final String URL_LIST = "url_list";
    public static final String FILE_HASH_LIST = "file_hash_list";
    public static final String DESTINATION_PROFILE = "destination_profile";

    public static final String LIST_NAME = "list_name";
    public static final String LIST_TYPE = "list_type";
    public static final String MODE = "mode";
    public static final String MAX_SIZE_MB = "max_size_mb";
    public static final String PROFILE_NAME = "profile_name";
    public static final String PROFILE_TYPE = "profile_type";

    public static final String APPEND = "append";
    public static final String REPLACE = "replace";

    private static final Set<IndicatorType> HOST_LIKE = EnumSet.of(IndicatorType.URL, IndicatorType.DOMAIN,
            IndicatorType.HOSTNAME, IndicatorType.FQDN, IndicatorType.IPV4);

    private ShareActions() {
    }

    public static List<ActionDefinition> definitions() {
        return List.of(
                new ActionDefinition("Add to URL list", URL_LIST, true, ConfigSchema.of(
                        ConfigField.text(LIST_NAME, "URL list name").required().withMaxLength(200)
                                .withDescription("Created if missing. Values beyond the size cap go to"
                                        + " <name>-2, <name>-3, ..."),
                        typeField(LIST_TYPE, "List type"),
                        modeField(),
                        ConfigField.number(MAX_SIZE_MB, "List size (MB)").range(1, 7).withDefault(7)
                                .withDescription("The tenant accepts at most 7 MB per URL list."))),
                new ActionDefinition("Add to file hash list", FILE_HASH_LIST, true, ConfigSchema.of(
                        ConfigField.text(LIST_NAME, "File hash list name").required().withMaxLength(200),
                        modeField())),
                new ActionDefinition("Add to destination profile", DESTINATION_PROFILE, true, ConfigSchema.of(
                        ConfigField.text(PROFILE_NAME, "Destination profile name").required().withMaxLength(200)
                                .withDescription("Created if missing. Exact profiles hold 100,000 values"
                                        + " (300,000 over all profiles), regex profiles 1,000 in all."),
                        typeField(PROFILE_TYPE, "Profile type"),
                        modeField())));
    }

    private static ConfigField typeField(String key, String label) {
        return ConfigField.choice(key, label, List.of(new Choice("Exact", "exact"), new Choice("Regex", "regex")))
                .withDefault("exact");
    }

    private static ConfigField modeField() {
        return ConfigField.choice(MODE, "Mode", List.of(new Choice("Append", APPEND),
                        new Choice("Replace the whole list with the shared indicators", REPLACE)))
                .withDefault(APPEND);
    }

    /** The values a target accepts, and the others with the reason. */
    public record Split(List<String> accepted, List<RejectedItem> rejected) {
    }

    /** {@code regex}: the target is a regex list or profile, where any value is a pattern. */
    public static Split split(String action, List<Indicator> indicators, boolean regex) {
        List<String> accepted = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        for (Indicator indicator : indicators) {
            String problem = problem(action, indicator, regex);
            if (problem == null) {
                accepted.add(value(action, indicator));
            } else {
                rejected.add(new RejectedItem(indicator.value(), problem));
            }
        }
        return new Split(accepted.stream().distinct().toList(), rejected);
    }

    private static String value(String action, Indicator indicator) {
        return FILE_HASH_LIST.equals(action) ? indicator.value().toLowerCase(Locale.ROOT) : indicator.value().trim();
    }

    private static String problem(String action, Indicator indicator, boolean regex) {
        IndicatorType type = indicator.type();
        if (FILE_HASH_LIST.equals(action)) {
            boolean hash = (type == IndicatorType.MD5 && indicator.value().matches("[0-9a-fA-F]{32}"))
                    || (type == IndicatorType.SHA256 && indicator.value().matches("[0-9a-fA-F]{64}"));
            return hash ? null : "a file hash list holds only MD5 and SHA256 hashes";
        }
        if (type == IndicatorType.IPV6) {
            return "Netskope does not accept IPv6 addresses in URL lists or destination profiles";
        }
        if (!HOST_LIKE.contains(type)) {
            return "a " + (URL_LIST.equals(action) ? "URL list" : "destination profile")
                    + " holds URLs, hosts and IPv4 addresses, not " + type;
        }
        String value = indicator.value().trim();
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            return "empty or contains white space";
        }
        int star = value.indexOf('*');
        String host = value.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        if (!regex && star >= 0 && !(host.startsWith("*.") && host.indexOf('*', 1) < 0)) {
            return "Netskope allows a wildcard only as a domain prefix (*.example.com)";
        }
        return null;
    }
}
