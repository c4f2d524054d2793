package io.cloudexchange.core.query;

import java.util.Locale;

/** Units of relative times: {@code now - 7d}. */
enum DurationUnit {
    WEEKS('w', 604_800), DAYS('d', 86_400), HOURS('h', 3_600), MINUTES('m', 60), SECONDS('s', 1);

    private final char suffix;
    private final long seconds;

    DurationUnit(char suffix, long seconds) {
        this.suffix = suffix;
        this.seconds = seconds;
    }

    static DurationUnit of(char suffix) {
        char lower = Character.toLowerCase(suffix);
        for (DurationUnit unit : values()) {
            if (unit.suffix == lower) {
                return unit;
            }
        }
        return null;
    }

    long seconds() {
        return seconds;
    }

    static String format(long seconds) {
        for (DurationUnit unit : values()) {
            if (unit != WEEKS && seconds % unit.seconds == 0) {
                return (seconds / unit.seconds) + String.valueOf(unit.suffix).toLowerCase(Locale.ROOT);
            }
        }
        return seconds + "s";
    }
}
