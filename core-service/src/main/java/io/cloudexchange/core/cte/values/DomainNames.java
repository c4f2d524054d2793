package io.cloudexchange.core.cte.values;

import java.net.IDN;
import java.util.Locale;

/**
 * Domain names, host names and FQDNs: lower case, internationalised names in punycode
 * ({@code bücher.de} -> {@code xn--bcher-kva.de}), no trailing dot. Labels of 1-63 letters, digits and
 * hyphens (not at either end), 253 characters in all, a top-level label that is not all digits.
 */
public final class DomainNames {

    public static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    /** What a name must look like. */
    public enum Kind {
        /** At least two labels; underscores allowed ({@code _dmarc.example.com} appears in feeds). */
        DOMAIN(2, true),
        /** One label or more, letters, digits and hyphens only. */
        HOSTNAME(1, false),
        /** At least two labels, letters, digits and hyphens only; a trailing root dot is accepted. */
        FQDN(2, false);

        private final int minLabels;
        private final boolean underscores;

        Kind(int minLabels, boolean underscores) {
            this.minLabels = minLabels;
            this.underscores = underscores;
        }
    }

    private DomainNames() {
    }

    public static ValueCheck check(String raw, Kind kind) {
        String value = raw.strip();
        if (value.contains("://") || value.indexOf('/') >= 0) {
            return ValueCheck.invalid("looks like a URL; expected a bare name");
        }
        if (value.indexOf(':') >= 0 || value.indexOf('@') >= 0 || value.indexOf('*') >= 0) {
            return ValueCheck.invalid("'" + firstOf(value, ":@*") + "' is not allowed in a name");
        }
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith(".") || value.contains("..")) {
            return ValueCheck.invalid("empty label (two dots in a row, or a leading dot)");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(value, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return ValueCheck.invalid("not a valid internationalised name: " + e.getMessage());
        }
        return checkAscii(ascii, kind);
    }

    static ValueCheck checkAscii(String ascii, Kind kind) {
        if (ascii.isEmpty()) {
            return ValueCheck.invalid("empty name");
        }
        if (ascii.length() > MAX_LENGTH) {
            return ValueCheck.invalid("longer than " + MAX_LENGTH + " characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < kind.minLabels) {
            return ValueCheck.invalid("a " + kind.name().toLowerCase(Locale.ROOT) + " needs at least " + kind.minLabels
                    + " labels (e.g. example.com)");
        }
        for (String label : labels) {
            String problem = labelProblem(label, kind.underscores);
            if (problem != null) {
                return ValueCheck.invalid(problem);
            }
        }
        String top = labels[labels.length - 1];
        if (labels.length > 1 && top.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return ValueCheck.invalid("top-level label '" + top + "' is numeric (an IP address?)");
        }
        return ValueCheck.valid(ascii);
    }

    private static String labelProblem(String label, boolean underscores) {
        if (label.isEmpty()) {
            return "empty label (two dots in a row, or a leading dot)";
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            return "label longer than " + MAX_LABEL_LENGTH + " characters";
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "label '" + label + "' starts or ends with a hyphen";
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (underscores && c == '_');
            if (!allowed) {
                return "'" + c + "' is not allowed in a name";
            }
        }
        return null;
    }

    private static char firstOf(String value, String characters) {
        for (char c : value.toCharArray()) {
            if (characters.indexOf(c) >= 0) {
                return c;
            }
        }
        return '?';
    }
}
