package io.cloudexchange.gateway.cte;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An indicator as the core lists it: merged fields plus what each source configuration reported. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Indicator(String id, String type, String value, String severity, Integer reputation,
        List<Source> sources, String firstSeen, String lastSeen, List<String> tags, Boolean active) {

    public Indicator {
        sources = sources == null ? List.of() : List.copyOf(sources);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Names of the plugins that reported the indicator, for the table. */
    public List<String> sourcePlugins() {
        return sources.stream().map(Source::pluginId).distinct().toList();
    }

    /** What one source configuration reported about the indicator. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String configurationId, String pluginId, String severity, Integer reputation,
            String firstSeen, String lastSeen, List<String> tags, String comments, String expiresAt) {

        public Source {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
