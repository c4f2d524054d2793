package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformationTest {

    @Test
    void labelsAreThoseOfCeFiles() {
        assertThat(Transformation.byLabel("Floating Point")).contains(Transformation.FLOATING_POINT);
        assertThat(Transformation.byLabel("Time Stamp")).contains(Transformation.TIME_STAMP);
        assertThat(Transformation.byLabel("Float")).isEmpty();
    }

    @Test
    void stringWritesNumbersWithoutFractionOrExponent() {
        assertThat(Transformation.STRING.apply("a|b")).isEqualTo("a|b");
        assertThat(Transformation.STRING.apply(1_764_410_877L)).isEqualTo("1764410877");
        assertThat(Transformation.STRING.apply(1.76441087E9)).isEqualTo("1764410870");
        assertThat(Transformation.STRING.apply(0.25)).isEqualTo("0.25");
        assertThat(Transformation.STRING.apply(true)).isEqualTo("true");
    }

    @Test
    void integerAcceptsIntegralNumbersAndTextAndTruncatesFractions() {
        assertThat(Transformation.INTEGER.apply(42L)).isEqualTo(42L);
        assertThat(Transformation.INTEGER.apply(" 42 ")).isEqualTo(42L);
        assertThat(Transformation.INTEGER.apply("42.9")).isEqualTo(42L);
        assertThat(Transformation.INTEGER.apply(-7.5)).isEqualTo(-7L);
        assertThatThrownBy(() -> Transformation.INTEGER.apply("forty")).hasMessage("'forty' is not a valid Integer");
        assertThatThrownBy(() -> Transformation.INTEGER.apply(new BigInteger("18446744073709551615")))
                .hasMessageContaining("out of the Integer range");
    }

    @Test
    void floatingPointAcceptsNumbersAndText() {
        assertThat(Transformation.FLOATING_POINT.apply("2.5")).isEqualTo(2.5);
        assertThat(Transformation.FLOATING_POINT.apply(3L)).isEqualTo(3.0);
        assertThatThrownBy(() -> Transformation.FLOATING_POINT.apply("NaN")).hasMessageContaining("not a valid Floating Point");
        assertThatThrownBy(() -> Transformation.FLOATING_POINT.apply(Double.POSITIVE_INFINITY))
                .hasMessageContaining("not a valid Floating Point");
    }

    @Test
    void timeStampIsEpochSecondsFromNumbersOrIsoInstants() {
        assertThat(Transformation.TIME_STAMP.apply(1_764_410_877L)).isEqualTo(1_764_410_877L);
        assertThat(Transformation.TIME_STAMP.apply("1764410877")).isEqualTo(1_764_410_877L);
        assertThat(Transformation.TIME_STAMP.apply("2025-11-29T10:07:57Z")).isEqualTo(1_764_410_877L);
        assertThatThrownBy(() -> Transformation.TIME_STAMP.apply("yesterday"))
                .hasMessage("'yesterday' is neither epoch seconds nor an ISO-8601 instant");
    }

    @Test
    void dateTimeIsAnIsoInstant() {
        assertThat(Transformation.DATE_TIME.apply(1_764_410_877L)).isEqualTo("2025-11-29T10:07:57Z");
        assertThat(Transformation.DATE_TIME.apply("2025-11-29T10:07:57.5Z")).isEqualTo("2025-11-29T10:07:57Z");
    }

    @Test
    void dateTimeIsWrittenAsJavaTimeWritesItForEverySecondOfAnyYear() {
        long firstFourDigitYear = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long firstFiveDigitYear = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
        List<Long> seconds = new ArrayList<>(List.of(0L, -1L, 1L, 86_399L, 86_400L, -86_400L, -86_401L, 951_782_400L,
                4_107_542_399L, firstFourDigitYear, firstFourDigitYear - 1, firstFiveDigitYear, firstFiveDigitYear - 1,
                -31_556_889_864_403_199L, 31_556_889_864_403_199L));
        SplittableRandom random = new SplittableRandom(1129);
        for (int i = 0; i < 100_000; i++) {
            seconds.add(random.nextLong(firstFourDigitYear - 86_400L * 400, firstFiveDigitYear + 86_400L * 400));
            seconds.add(random.nextLong(-4_000_000_000L, 4_000_000_000L));
        }
        for (long second : seconds) {
            assertThat(Transformation.DATE_TIME.apply(second)).as("%d", second)
                    .isEqualTo(Instant.ofEpochSecond(second).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "255.255.255.255", "0.0.0.0", "::", "::1", "2001:db8::8a2e:370:7334",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1%eth0", "::ffff:192.0.2.128", "1::"})
    void ipAddressAcceptsLiterals(String address) {
        assertThat(Transformation.IP_ADDRESS.apply(address)).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0", "10.0.0.256", "10.0.0.01", "1.2.3.4.5", "example.com", "1:2:3:4:5:6:7:8:9", "1:::2",
            "2001:db8::1::1", "12345::", ":1", "1:", "localhost", ""})
    void ipAddressRefusesEverythingElseWithoutResolvingNames(String address) {
        assertThatThrownBy(() -> Transformation.IP_ADDRESS.apply(address)).hasMessageContaining("is not a valid IP Address");
    }

    @Test
    void macAddressAcceptsTheUsualFormsAndNormalisesThem() {
        assertThat(Transformation.MAC_ADDRESS.apply("00:1A:2b:3C:4d:5E")).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(Transformation.MAC_ADDRESS.apply("00-1A-2B-3C-4D-5E")).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(Transformation.MAC_ADDRESS.apply("001A2B3C4D5E")).isEqualTo("00:1a:2b:3c:4d:5e");
        for (String bad : new String[] {"00:1A:2B:3C:4D", "00:1A-2B:3C:4D:5E", "00:1A:2B:3C:4D:5G", "001A.2B3C.4D5E"}) {
            assertThatThrownBy(() -> Transformation.MAC_ADDRESS.apply(bad)).hasMessageContaining("is not a valid MAC Address");
        }
    }
}
