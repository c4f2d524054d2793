package io.cloudexchange.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformVersionTest {

    @Test
    void parsesSemanticVersionsIgnoringSuffixes() {
        assertThat(PlatformVersion.parse("1.2.3")).isEqualTo(new PlatformVersion(1, 2, 3));
        assertThat(PlatformVersion.parse(" 0.1.0-SNAPSHOT ")).isEqualTo(new PlatformVersion(0, 1, 0));
        assertThat(PlatformVersion.parse("2.0.0+build.7")).hasToString("2.0.0");
    }

    @Test
    void refusesWhatIsNotAVersion() {
        assertThatThrownBy(() -> PlatformVersion.parse(null)).hasMessage("version is missing");
        assertThatThrownBy(() -> PlatformVersion.parse("1.2")).hasMessageContaining("is not a version like 1.2.3");
        assertThat(PlatformVersion.isValid("v1.2.3")).isFalse();
        assertThat(PlatformVersion.isValid(null)).isFalse();
        assertThat(PlatformVersion.isValid("10.20.30")).isTrue();
    }

    @Test
    void ordersNumericallyByMajorMinorPatch() {
        assertThat(PlatformVersion.parse("0.10.0")).isGreaterThan(PlatformVersion.parse("0.9.9"));
        assertThat(PlatformVersion.parse("1.0.0")).isGreaterThan(PlatformVersion.parse("0.99.99"));
        assertThat(PlatformVersion.parse("1.0.10")).isGreaterThan(PlatformVersion.parse("1.0.9"));
        assertThat(PlatformVersion.parse("1.0.0-rc1")).isEqualByComparingTo(PlatformVersion.parse("1.0.0"));
    }

    @Test
    void currentIsTheBuiltPlatformVersion() {
        assertThat(PlatformVersion.current()).isEqualTo(PlatformVersion.parse("0.1.0"));
    }
}
