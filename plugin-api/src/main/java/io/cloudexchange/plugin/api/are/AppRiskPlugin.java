package io.cloudexchange.plugin.api.are;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PushResult;
import java.util.List;
import java.util.Map;

/** Application Risk Exchange contract: shares application risk with GRC tools. */
public interface AppRiskPlugin extends Plugin {

    /**
     * Pushes applications.
     *
     * @param mapping target field to application attribute
     */
    PushResult pushApplications(PluginContext context, List<Application> applications, Map<String, String> mapping);

    List<TargetField> targetFields(PluginContext context);
}
