package io.cloudexchange.netskope.simulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cloudexchange.netskope.simulator.admin.TenantState;
import io.cloudexchange.netskope.simulator.dataexport.DataExportEndpoint;
import io.cloudexchange.netskope.simulator.http.Faults;
import io.cloudexchange.netskope.simulator.http.RequestLog;
import io.cloudexchange.netskope.simulator.http.Route;
import io.cloudexchange.netskope.simulator.http.Router;
import io.cloudexchange.netskope.simulator.http.TokenRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A running simulated Netskope tenant. Start one per test with {@link #start(SimulatorConfig)}; it
 * listens on the loopback interface and stops on {@link #close()}.
 * <pre>{@code
 * try (NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(100))) {
 *     tenant.faults().serverErrors(2);
 *     // point a client at tenant.baseUrl() with SimulatorConfig.DEFAULT_V2_TOKEN
 * }
 * }</pre>
 */
public final class NetskopeSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final DataExportEndpoint dataExport;
    private final TenantState tenant;
    private final TokenRegistry tokens;
    private final Faults faults = new Faults();
    private final RequestLog requests = new RequestLog();

    private NetskopeSimulator(SimulatorConfig config, Clock clock) throws IOException {
        this.config = config;
        long origin = clock.millis() - config.history().toMillis();
        this.dataExport = DataExportEndpoint.of(config.seed(), origin, config.recordsPerSecond(), config.volume(),
                config.pageSize(), config.idleWaitSeconds(), clock);
        this.tenant = new TenantState();
        this.tokens = new TokenRegistry(config.v2Tokens());
        List<Route> routes = new ArrayList<>();
        routes.add(dataExport.route());
        routes.addAll(tenant.routes());
        Router router = new Router(routes, tokens, config.v1Token(), config.requestsPerSecond(), faults, requests, clock);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port());
        this.server = config.tlsKeystore() == null ? HttpServer.create(address, 64) : httpsServer(address, config);
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "netskope-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
    }

    public static NetskopeSimulator start(SimulatorConfig config) {
        try {
            return new NetskopeSimulator(config, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Netskope simulator on port " + config.port(), e);
        }
    }

    /** The tenant URL to configure, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        String scheme = config.tlsKeystore() == null ? "http" : "https";
        return URI.create(scheme + "://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    public SimulatorConfig config() {
        return config;
    }

    public Faults faults() {
        return faults;
    }

    public TokenRegistry tokens() {
        return tokens;
    }

    public RequestLog requests() {
        return requests;
    }

    /** Iterators and generated records. */
    public DataExportEndpoint dataExport() {
        return dataExport;
    }

    /** URL lists, file hash lists, UCI scores, app tags and incidents as clients left them. */
    public TenantState tenant() {
        return tenant;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        dataExport.close();
    }

    private static HttpServer httpsServer(InetSocketAddress address, SimulatorConfig config) throws IOException {
        try (InputStream in = Files.newInputStream(config.tlsKeystore())) {
            char[] password = config.tlsPassword() == null ? new char[0] : config.tlsPassword().toCharArray();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(address, 64);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return server;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use keystore " + config.tlsKeystore() + ": " + e.getMessage(), e);
        }
    }
}
