package io.cloudexchange.core.cls.mapping;

import java.util.Locale;

/**
 * Subtype keys are looked up ignoring case, spaces, '-' and '_': a file's {@code Compromised Credential}
 * serves the {@code compromisedcredential} stream, as CE files mix both spellings.
 */
final class Subtypes {

    private Subtypes() {
    }

    static String key(String subtype) {
        StringBuilder key = new StringBuilder(subtype.length());
        for (int i = 0; i < subtype.length(); i++) {
            char c = subtype.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
