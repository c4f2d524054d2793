package io.cloudexchange.plugins.syslog;

import io.cloudexchange.plugin.testkit.LogDestinationContractTest;
import java.util.Map;

class SyslogContractTest extends LogDestinationContractTest<SyslogPlugin> {

    @Override
    protected SyslogPlugin createPlugin() {
        return new SyslogPlugin();
    }

    /** UDP has no handshake, so validation only resolves the host: no receiver needed here. */
    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of("host", "127.0.0.1", "transport", "UDP");
    }
}
