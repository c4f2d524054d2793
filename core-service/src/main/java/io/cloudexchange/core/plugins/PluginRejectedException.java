package io.cloudexchange.core.plugins;

/** A plugin jar the platform refused, with a reason an admin can act on. */
public class PluginRejectedException extends RuntimeException {

    private final String errorCode;

    public PluginRejectedException(String reason) {
        this(null, reason);
    }

    /**
     * @param errorCode one of {@link PluginErrorCodes}, or null
     * @param reason why the jar was refused, phrased for an admin
     */
    public PluginRejectedException(String errorCode, String reason) {
        super(reason);
        this.errorCode = errorCode;
    }

    PluginRejectedException(String errorCode, String reason, Throwable cause) {
        super(reason, cause);
        this.errorCode = errorCode;
    }

    /** The platform-log error code of the refusal, or null. */
    public String errorCode() {
        return errorCode;
    }
}
