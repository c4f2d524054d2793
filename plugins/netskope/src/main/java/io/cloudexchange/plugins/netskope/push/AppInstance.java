package io.cloudexchange.plugins.netskope.push;

import java.util.List;

/** An instance of an app (e.g. a company Box tenant) with the tags the tenant's policies use. */
public record AppInstance(String app, String instanceId, String instanceName, List<String> tags) {

    public AppInstance {
        tags = List.copyOf(tags);
    }
}
