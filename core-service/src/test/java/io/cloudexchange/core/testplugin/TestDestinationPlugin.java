package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Threat Exchange destination for tests: named lists of values at an imaginary target. Refuses values
 * containing "reject" (for good), and fails transiently while {@link #failNextPushes} is above zero.
 */
public class TestDestinationPlugin implements ThreatIntelPlugin {

    public static final String ID = "test-destination";
    public static final String ADD_TO_LIST = "add_to_list";

    /** Values per list name, as the target holds them. */
    public final Map<String, Set<String>> lists = new ConcurrentHashMap<>();
    /** Sizes of the pushed batches, in order. */
    public final List<Integer> pushes = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger failNextPushes = new AtomicInteger();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Test destination", "1.0.0", "Lists of values for sharing tests",
                Set.of(PlatformModule.CTE), "0.1.0", Set.of(Capability.PUSH, Capability.DELETE));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.empty();
    }

    @Override
    public List<ActionDefinition> actions(PluginContext context) {
        return List.of(new ActionDefinition("Add to list", ADD_TO_LIST, true,
                ConfigSchema.of(ConfigField.text("list_name", "List name").required().withMaxLength(64))));
    }

    @Override
    public PushResult push(PluginContext context, List<Indicator> indicators, Action action) {
        if (failNextPushes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return PushResult.transientFailure("503 Service Unavailable");
        }
        pushes.add(indicators.size());
        Set<String> list = lists.computeIfAbsent(String.valueOf(action.parameters().get("list_name")),
                name -> ConcurrentHashMap.newKeySet());
        List<RejectedItem> rejected = new ArrayList<>();
        for (Indicator indicator : indicators) {
            if (indicator.value().contains("reject")) {
                rejected.add(new RejectedItem(indicator.value(), "not a valid entry for this list"));
            } else {
                list.add(indicator.value());
            }
        }
        return rejected.isEmpty() ? PushResult.ok("added " + indicators.size())
                : PushResult.partial("some refused", rejected);
    }

    @Override
    public PushResult retract(PluginContext context, List<Indicator> indicators, Action action) {
        Set<String> list = lists.getOrDefault(String.valueOf(action.parameters().get("list_name")), Set.of());
        indicators.forEach(indicator -> list.remove(indicator.value()));
        return PushResult.ok("removed " + indicators.size());
    }
}
