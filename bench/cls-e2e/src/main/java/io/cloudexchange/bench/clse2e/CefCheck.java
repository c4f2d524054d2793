package io.cloudexchange.bench.clse2e;

import java.util.regex.Pattern;

/** A syslog line (RFC 5424 header) carrying a CEF:0 message: seven header fields, then key=value extensions. */
final class CefCheck {

    private static final Pattern LINE = Pattern.compile(
            "<\\d{1,3}>1 \\S+ \\S+ \\S+ \\S+ \\S+ \\S+ CEF:0(\\|(?:[^|\\\\]|\\\\.)*){6}\\|(\\S+=.*)?");

    private CefCheck() {
    }

    static boolean valid(String line) {
        return LINE.matcher(line).matches();
    }
}
