package io.cloudexchange.core.cte;

import java.util.List;
import java.util.Map;

/** A sharing configuration as the API receives it. */
record SharingRequest(String name, List<String> sourceConfigurationIds, String ruleId,
                      String destinationConfigurationId, String action, Map<String, Object> actionParameters,
                      Boolean enabled) {
}
