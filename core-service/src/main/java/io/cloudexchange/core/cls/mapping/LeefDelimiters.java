package io.cloudexchange.core.cls.mapping;

/** The LEEF 2.0 delimiter field: one character, or its code in hex written {@code 0x..} or {@code x..}. */
final class LeefDelimiters {

    private LeefDelimiters() {
    }

    static char parse(String text) {
        String hex = text.startsWith("0x") ? text.substring(2) : text.startsWith("x") && text.length() > 1 ? text.substring(1) : null;
        char delimiter;
        if (hex != null) {
            if (hex.isEmpty() || hex.length() > 4 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("'" + text + "' is not a hex character code such as x09 or 0x5E");
            }
            delimiter = (char) Integer.parseInt(hex, 16);
        } else if (text.length() == 1) {
            delimiter = text.charAt(0);
        } else {
            throw new IllegalArgumentException("must be one character, or its code in hex such as x09 or 0x5E");
        }
        if (delimiter == '=' || delimiter == '\\' || delimiter == '\n' || delimiter == '\r' || Character.isLetterOrDigit(delimiter)
                || delimiter == 0 || delimiter == ' ') {
            throw new IllegalArgumentException("'" + text + "' cannot be a delimiter (letters, digits, space, '=', '\\', CR, LF and NUL are not allowed)");
        }
        return delimiter;
    }

    /** How the header announces the delimiter: the character itself when printable, else its hex code. */
    static String headerText(char delimiter) {
        if (delimiter > ' ' && delimiter < 127 && delimiter != '|') {
            return String.valueOf(delimiter);
        }
        return delimiter <= 0xFF ? String.format("x%02X", (int) delimiter) : String.format("x%04X", (int) delimiter);
    }
}
