package io.cloudexchange.core.plugins;

/** A plugin jar the platform refused, with a reason an admin can act on. */
public class PluginRejectedException extends RuntimeException {

    public PluginRejectedException(String reason) {
        super(reason);
    }
}
