package io.cloudexchange.gateway.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.cloudexchange.gateway.GatewayApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A gateway started outside the shared test context, for settings that differ from the defaults. */
public final class StandaloneGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final TestCertificates certificates;

    private StandaloneGateway(ConfigurableApplicationContext context, TestCertificates certificates) {
        this.context = context;
        this.certificates = certificates;
    }

    public static StandaloneGateway start(Path dataDir, String coreUrl, String... extraArguments) throws Exception {
        TestCertificates certificates = TestCertificates.writeTo(dataDir);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--cloudexchange.data-dir=" + dataDir,
                "--cloudexchange.gateway.core-url=" + coreUrl));
        arguments.addAll(List.of(extraArguments));
        return new StandaloneGateway(SpringApplication.run(GatewayApplication.class, arguments.toArray(String[]::new)),
                certificates);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public GatewayClient newClient() throws Exception {
        return new GatewayClient(certificates.clientContext(), port());
    }

    @Override
    public void close() {
        context.close();
    }
}
