package io.cloudexchange.core.cls.mapping;

/** Checks IP address literals without resolving names (no DNS on the mapping path). */
final class IpAddresses {

    private IpAddresses() {
    }

    /** The literal itself when it is an IPv4 or IPv6 address. */
    static String requireLiteral(String text) {
        if (isIpv4(text, 0, text.length()) || isIpv6(text)) {
            return text;
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid IP Address");
    }

    static boolean isIpv4(String s, int from, int to) {
        int octets = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return false;
                }
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            octets++;
            if (i == to) {
                return octets == 4;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
        }
        return false;
    }

    /** RFC 4291 text forms: eight groups, one {@code ::}, an optional trailing IPv4 part, an optional zone. */
    static boolean isIpv6(String s) {
        int end = s.indexOf('%');
        if (end == 0 || end == s.length() - 1) {
            return false;
        }
        if (end < 0) {
            end = s.length();
        }
        if (end < 2 || s.indexOf(':') < 0) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == end) {
                return true;
            }
        } else if (s.charAt(0) == ':') {
            return false;
        }
        while (i < end) {
            int start = i;
            while (i < end && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                if (!isIpv4(s, start, end)) {
                    return false;
                }
                groups += 2;
                i = end;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4) {
                return false;
            }
            groups++;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            } else if (i == end) {
                return false;
            }
        }
        return compressed ? groups < 8 : groups == 8;
    }
}
