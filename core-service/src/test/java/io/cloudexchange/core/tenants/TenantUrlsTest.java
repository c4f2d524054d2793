package io.cloudexchange.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "https://acme.goskope.com,    https://acme.goskope.com",
            "https://acme.goskope.com/,   https://acme.goskope.com",
            "HTTPS://Acme.GoSkope.com,    https://acme.goskope.com",
            "acme.goskope.com,            https://acme.goskope.com",
            "acme.eu.goskope.com,         https://acme.eu.goskope.com",
            "https://acme.eu.goskope.com, https://acme.eu.goskope.com",
            "acme.eu,                     https://acme.eu.goskope.com",
            "'  acme-corp.de  ',          https://acme-corp.de.goskope.com",
            "acme,                        https://acme.goskope.com"
    })
    void normalisesAcceptedForms(String input, String expected) {
        assertThat(TenantUrls.normalise(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "http://acme.goskope.com", "https://acme.example.com", "acme.example.com",
            "https://acme.goskope.com/ns#/dashboard", "acme.goskope.com:443", "goskope.com", "a.b.c", "-acme",
            "acme..eu", "user@acme.goskope.com", "acme_corp", "ftp://acme.goskope.com", "acme.goskope.com.evil.com"})
    void rejectsEverythingElse(String input) {
        assertThat(TenantUrls.normalise(input)).isEmpty();
    }
}
