package io.cloudexchange.core.plugins;

/** Error codes of refused plugins, as written to the platform log. */
public final class PluginErrorCodes {

    /** Not a readable jar, or its manifest lacks or garbles the CloudExchange-* entries. */
    public static final String BAD_MANIFEST = "PLUGIN-1001";
    /** The services file names no plugin, or more than one. */
    public static final String NOT_ONE_PLUGIN = "PLUGIN-1002";
    /** The plugin class cannot be loaded or instantiated. */
    public static final String CLASS_LOAD_FAILED = "PLUGIN-1003";
    /** {@code descriptor()} threw. */
    public static final String BAD_DESCRIPTOR = "PLUGIN-1004";
    /** The manifest and the descriptor disagree on id or versions. */
    public static final String MANIFEST_MISMATCH = "PLUGIN-1005";
    /** The plugin needs a newer platform. */
    public static final String PLATFORM_TOO_OLD = "PLUGIN-1006";
    /** Another plugin already has the id. */
    public static final String DUPLICATE_ID = "PLUGIN-1007";
    /** The upload is not named like a jar. */
    public static final String NOT_A_JAR = "PLUGIN-1008";

    private PluginErrorCodes() {
    }
}
