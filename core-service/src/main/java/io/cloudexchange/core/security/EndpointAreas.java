package io.cloudexchange.core.security;

import io.cloudexchange.core.users.Area;
import java.util.List;
import java.util.Map;

/**
 * Which area each endpoint family belongs to. Plugin configurations are SETTINGS whatever module their
 * plugin serves.
 */
final class EndpointAreas {

    static final Map<Area, List<String>> PATHS = Map.of(
            Area.SETTINGS, List.of("/api/settings/**", "/api/tenants", "/api/tenants/**", "/api/plugins",
                    "/api/plugins/**", "/api/configurations", "/api/configurations/**", "/api/logs", "/api/logs/**"),
            Area.CTE, List.of("/api/cte/**"),
            Area.CTO, List.of("/api/cto/**"),
            Area.CRE, List.of("/api/cre/**"),
            Area.CLS, List.of("/api/cls/**"));

    private EndpointAreas() {
    }
}
