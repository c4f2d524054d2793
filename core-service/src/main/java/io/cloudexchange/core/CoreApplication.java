package io.cloudexchange.core;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CoreApplication {

    public static void main(String[] args) {
        allowBasicAuthForProxyTunnels();
        SpringApplication.run(CoreApplication.class, args);
    }

    /**
     * The JDK HTTP client refuses Basic credentials for HTTPS proxy tunnels unless told otherwise;
     * corporate proxies commonly need them. Must be set before the first HTTP client exists.
     */
    private static void allowBasicAuthForProxyTunnels() {
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
            System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
    }
}
