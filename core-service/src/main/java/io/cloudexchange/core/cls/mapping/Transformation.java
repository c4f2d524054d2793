package io.cloudexchange.core.cls.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value conversions of a mapping entry, named as in Cloud Exchange mapping files. Each returns the
 * value to send (a {@link String}, {@link Long} or {@link Double}) or throws
 * {@link IllegalArgumentException} saying why the value does not fit.
 */
public enum Transformation {
    STRING("String"),
    INTEGER("Integer"),
    FLOATING_POINT("Floating Point"),
    /** Epoch seconds as an integer (CE casts to int). */
    TIME_STAMP("Time Stamp"),
    /** An ISO-8601 UTC instant, e.g. {@code 2026-11-29T10:07:57Z}. */
    DATE_TIME("DateTime"),
    IP_ADDRESS("IP Address"),
    MAC_ADDRESS("MAC Address");

    static final String LABELS = Arrays.stream(values()).map(t -> "'" + t.label + "'").collect(Collectors.joining(", "));

    /** The seconds written as {@code yyyy-MM-ddTHH:mm:ssZ} (years 0000 to 9999) without java.time's printer. */
    private static final long FOUR_DIGIT_YEARS_FROM = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_UNTIL = 253_402_300_800L;

    private final String label;

    Transformation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Transformation> byLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }

    public Object apply(Object value) {
        return switch (this) {
            case STRING -> text(value);
            case INTEGER -> integer(value);
            case FLOATING_POINT -> floatingPoint(value);
            case TIME_STAMP -> epochSeconds(value);
            case DATE_TIME -> isoInstant(epochSeconds(value));
            case IP_ADDRESS -> IpAddresses.requireLiteral(text(value).strip());
            case MAC_ADDRESS -> macAddress(text(value).strip());
        };
    }

    /** Text of a value as a SIEM expects it: integers without a fraction, no exponent for large numbers. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                return d.toString();
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    private static long integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal decimal = decimal(value, "Integer");
        try {
            return decimal.toBigInteger().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text(value) + "' is out of the Integer range");
        }
    }

    private static double floatingPoint(Object value) {
        if (value instanceof Number n && !(value instanceof BigInteger) && !(value instanceof BigDecimal)) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        return decimal(value, "Floating Point").doubleValue();
    }

    private static BigDecimal decimal(Object value, String what) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return BigDecimal.valueOf(n.longValue());
        }
        String text = text(value).strip();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
        }
    }

    /** Epoch seconds from a number (seconds) or an ISO-8601 instant. */
    private static long epochSeconds(Object value) {
        if (value instanceof String s && !s.isEmpty() && !isNumeric(s.strip())) {
            try {
                return Instant.parse(s.strip()).getEpochSecond();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + s + "' is neither epoch seconds nor an ISO-8601 instant");
            }
        }
        long seconds = integer(value);
        if (seconds < -31_556_889_864_403_199L || seconds > 31_556_889_864_403_199L) {
            throw new IllegalArgumentException("'" + text(value) + "' is out of the time range");
        }
        return seconds;
    }

    /** {@code Instant.ofEpochSecond(seconds).toString()}, written directly for four-digit years (it is on the hot path). */
    static String isoInstant(long seconds) {
        if (seconds < FOUR_DIGIT_YEARS_FROM || seconds >= FOUR_DIGIT_YEARS_UNTIL) {
            return Instant.ofEpochSecond(seconds).toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int time = (int) Math.floorMod(seconds, 86_400);
        byte[] text = "0000-00-00T00:00:00Z".getBytes(StandardCharsets.US_ASCII);
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, time / 3600);
        digits(text, 14, 2, time / 60 % 60);
        digits(text, 17, 2, time % 60);
        return new String(text, StandardCharsets.US_ASCII);
    }

    private static void digits(byte[] text, int at, int count, int number) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
    }

    private static boolean isNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && (c == '-' || c == '+')) && c != '.') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Six octets written {@code aa:bb:cc:dd:ee:ff}, {@code aa-bb-...} or {@code aabbccddeeff}; sent lower-case with ':'. */
    private static String macAddress(String text) {
        boolean separated = text.length() == 17;
        if (!separated && text.length() != 12) {
            throw new IllegalArgumentException("'" + text + "' is not a valid MAC Address");
        }
        char separator = separated ? text.charAt(2) : 0;
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separatorPosition = separated && i % 3 == 2;
            boolean valid = separatorPosition ? c == separator && (c == ':' || c == '-')
                    : c < 128 && Character.digit(c, 16) >= 0;
            if (!valid) {
                throw new IllegalArgumentException("'" + text + "' is not a valid MAC Address");
            }
            if (!separatorPosition) {
                if (out.length() > 0 && (out.length() + 1) % 3 == 0) {
                    out.append(':');
                }
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
