package io.cloudexchange.gateway.tls;

import java.nio.file.Path;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import io.cloudexchange.gateway.support.GatewayTestSupport;
import io.cloudexchange.gateway.support.StandaloneGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsProtocolTests extends GatewayTestSupport {

    @Test
    void acceptsOnlyTls13ByDefault() throws Exception {
        SSLContext trusting = certificates.clientContext();

        assertThat(handshake(trusting, port, "TLSv1.3")).isEqualTo("TLSv1.3");
        assertThatThrownBy(() -> handshake(trusting, port, "TLSv1.2")).isInstanceOf(SSLException.class);
    }

    @Test
    void acceptsTls12WhenOptedIn(@TempDir Path otherDataDir) throws Exception {
        try (StandaloneGateway gateway = StandaloneGateway.start(otherDataDir, core.url(),
                "--cloudexchange.gateway.tls-versions=TLSv1.2,TLSv1.3")) {
            SSLContext trusting = gateway.certificates().clientContext();

            assertThat(handshake(trusting, gateway.port(), "TLSv1.2")).isEqualTo("TLSv1.2");
            assertThat(handshake(trusting, gateway.port(), "TLSv1.3")).isEqualTo("TLSv1.3");
        }
    }

    private static String handshake(SSLContext context, int port, String protocol) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] { protocol });
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
