package io.cloudexchange.plugin.api.are;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cloud application with its risk data (Netskope Cloud Confidence Index).
 *
 * @param id application id
 * @param name application name
 * @param cci Cloud Confidence Index 0-100, or null
 * @param ccl Cloud Confidence Level (low, medium, high, excellent...), or null
 * @param category category name
 * @param deepLink link to the application at the source, or null
 * @param steeringDomains domains steered for the application
 * @param discoveryDomains domains it was discovered on
 * @param extra other attributes
 */
public record Application(String id, String name, Double cci, String ccl, String category, String deepLink,
                          List<String> steeringDomains, List<String> discoveryDomains, Map<String, Object> extra) {

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        steeringDomains = steeringDomains == null ? List.of() : List.copyOf(steeringDomains);
        discoveryDomains = discoveryDomains == null ? List.of() : List.copyOf(discoveryDomains);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
