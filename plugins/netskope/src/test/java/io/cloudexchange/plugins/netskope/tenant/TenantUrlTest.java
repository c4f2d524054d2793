package io.cloudexchange.plugins.netskope.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantUrlTest {

    @ParameterizedTest
    @CsvSource({
            "https://acme.goskope.com, https://acme.goskope.com",
            "https://acme.goskope.com/, https://acme.goskope.com",
            "'  HTTPS://Acme.GoSkope.com  ', https://acme.goskope.com",
            "acme.goskope.com, https://acme.goskope.com",
            "acme.eu.goskope.com, https://acme.eu.goskope.com",
            "https://acme.eu.goskope.com, https://acme.eu.goskope.com",
            "acme.eu, https://acme.eu.goskope.com",
            "acme, https://acme.goskope.com",
            "acme-corp.de, https://acme-corp.de.goskope.com",
            "http://localhost:8800, http://localhost:8800",
            "http://127.0.0.1:41234/, http://127.0.0.1:41234",
    })
    void normalises(String input, String expected) {
        assertThat(TenantUrl.parse(input).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| Enter the tenant URL",
            "http://acme.goskope.com| must use https://",
            "ftp://acme.goskope.com| must use https://",
            "https://acme.goskope.com/ns#/dashboard| Remove the path",
            "https://acme.goskope.com/api/v2| Remove the path",
            "https://acme.goskope.com:8443| Remove the user or port",
            "https://acme.example.com| not a Netskope tenant",
            "acme.com| not a Netskope tenant",
            "a.b.c.goskope.com| not a Netskope tenant",
            "goskope.com| does not name a tenant",
            "acme_corp| not a valid tenant name",
            "-acme| not a valid tenant name",
            "acme/path| not a tenant name or URL",
            "https://| is not a URL",
    })
    void refusesWithAMessageThatSaysWhat(String input, String message) {
        assertThatThrownBy(() -> TenantUrl.parse(input)).isInstanceOf(InvalidTenantUrlException.class)
                .hasMessageContaining(message.trim());
    }
}
