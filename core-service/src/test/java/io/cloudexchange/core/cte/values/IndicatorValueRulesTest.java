package io.cloudexchange.core.cte.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorValueRulesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MD5      | ~ D41D8CD98F00B204E9800998ECF8427E ~                                   | d41d8cd98f00b204e9800998ecf8427e",
        "SHA256   | E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855     | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "IPV4     | 10.0.0.1                                                              | 10.0.0.1",
        "IPV4     | ~ 255.255.255.255~                                                    | 255.255.255.255",
        "IPV4     | 0.0.0.0                                                               | 0.0.0.0",
        "IPV6     | 2001:DB8:0:0:0:0:0:1                                                  | 2001:db8::1",
        "IPV6     | [2001:0db8:0000:0000:0001:0000:0000:0001]                             | 2001:db8::1:0:0:1",
        "IPV6     | ::FFFF:192.0.2.1                                                      | ::ffff:192.0.2.1",
        "IPV6     | ::1                                                                   | ::1",
        "DOMAIN   | Evil.Example.COM.                                                     | evil.example.com",
        "DOMAIN   | bücher.de                                                             | xn--bcher-kva.de",
        "DOMAIN   | _dmarc.example.com                                                    | _dmarc.example.com",
        "HOSTNAME | LOCALHOST                                                             | localhost",
        "FQDN     | mail.example.org.                                                     | mail.example.org",
        "URL      | HTTP://Evil.Example.com:80/Path/A?b=1&a=2#frag                        | http://evil.example.com/Path/A?b=1&a=2",
        "URL      | https://evil.example.com:443/                                         | https://evil.example.com",
        "URL      | https://evil.example.com:8443/x/                                      | https://evil.example.com:8443/x/",
        "URL      | evil.com/Download.EXE                                                 | evil.com/Download.EXE",
        "URL      | http://bücher.de/a%2fb                                                | http://xn--bcher-kva.de/a%2Fb",
        "URL      | http://[2001:DB8::1]:8080/x                                           | http://[2001:db8::1]:8080/x",
        "URL      | http://10.0.0.1/?q=1                                                  | http://10.0.0.1?q=1",
        "URL      | http://user:PW@evil.com/                                              | http://user:PW@evil.com",
        "URL      | evil.com:8080                                                         | evil.com:8080",
    })
    void canonicalisesValidValues(IndicatorType type, String raw, String canonical) {
        ValueCheck check = IndicatorValueRules.check(type, raw);

        assertThat(check.problem()).isNull();
        assertThat(check.value()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MD5      | d41d8cd98f00b204e9800998ecf8427                 | MD5 must be 32 hexadecimal characters, got 31",
        "MD5      | z41d8cd98f00b204e9800998ecf8427e                | MD5 must be hexadecimal; 'z' at position 1 is not",
        "SHA256   | d41d8cd98f00b204e9800998ecf8427e                | SHA-256 must be 64 hexadecimal characters, got 32",
        "IPV4     | 256.1.1.1                                       | '256' is not a number from 0 to 255",
        "IPV4     | 10.0.0                                          | an IPv4 address has four dot-separated numbers",
        "IPV4     | 010.0.0.1                                       | '010' has a leading zero",
        "IPV4     | 10.0.0.0/8                                      | a CIDR range is not an IPv4 address indicator",
        "IPV4     | ::1                                             | not an IPv4 address (an IPv6 address?)",
        "IPV6     | 10.0.0.1                                        | not an IPv6 address (an IPv4 address?)",
        "IPV6     | 2001:db8::1::2                                  | not a valid IPv6 address",
        "IPV6     | fe80::1%eth0                                    | an IPv6 zone id",
        "DOMAIN   | example                                         | a domain needs at least 2 labels",
        "DOMAIN   | 10.0.0.1                                        | top-level label '1' is numeric (an IP address?)",
        "DOMAIN   | -evil.com                                       | label '-evil' starts or ends with a hyphen",
        "DOMAIN   | evil..com                                       | empty label",
        "DOMAIN   | http://evil.com                                 | looks like a URL; expected a bare name",
        "DOMAIN   | *.evil.com                                      | '*' is not allowed in a name",
        "HOSTNAME | my_host                                         | '_' is not allowed in a name",
        "FQDN     | host                                            | a fqdn needs at least 2 labels",
        "URL      | javascript:alert(1)                             | scheme 'javascript' is not supported",
        "URL      | gopher://evil.com/                              | scheme 'gopher' is not supported",
        "URL      | http://evil.com:99999/                          | port '99999' is not a number from 1 to 65535",
        "URL      | http:///path                                    | host: missing",
        "URL      | http://evil com/                                | contains whitespace or a control character at position 12",
        "URL      | http://999.1.1.1/                               | host: '999' is not a number from 0 to 255",
        "URL      | ~   ~                                           | empty value",
    })
    void refusesInvalidValuesWithTheReason(IndicatorType type, String raw, String reason) {
        ValueCheck check = IndicatorValueRules.check(type, raw);

        assertThat(check.isValid()).isFalse();
        assertThat(check.value()).isNull();
        assertThat(check.problem()).startsWith(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"URL", "DOMAIN", "MD5", "IPV6"})
    void refusesOverlongValuesWithoutThrowing(IndicatorType type) {
        assertThat(IndicatorValueRules.check(type, "a".repeat(100_000)).isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"URL", "DOMAIN", "HOSTNAME", "FQDN", "IPV4", "IPV6", "MD5", "SHA256"})
    void canonicalFormsAreStable(IndicatorType type) {
        String[] samples = {"HTTP://A.com:80/x", "Example.COM", "host-1", "a.b.c", "1.2.3.4", "2001:DB8::1",
            "D41D8CD98F00B204E9800998ECF8427E", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"};
        for (String sample : samples) {
            ValueCheck once = IndicatorValueRules.check(type, sample);
            if (once.isValid()) {
                assertThat(IndicatorValueRules.check(type, once.value()).value()).isEqualTo(once.value());
            }
        }
    }
}
