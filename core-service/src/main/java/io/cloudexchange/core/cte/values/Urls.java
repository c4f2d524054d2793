package io.cloudexchange.core.cte.values;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * URLs in canonical form, so the same URL from two feeds is one indicator:
 * <ul>
 *   <li>scheme and host lower case, host in punycode, IPv4/IPv6 hosts canonical, trailing host dot removed;</li>
 *   <li>default port removed ({@code :80} for http, {@code :443} for https, {@code :21} for ftp);</li>
 *   <li>path, query and user info kept as written (case-sensitive, query order kept: servers may read
 *       either), percent-escapes upper-cased ({@code %2f} -> {@code %2F});</li>
 *   <li>a path of only {@code /} removed ({@code http://a.com/} = {@code http://a.com});</li>
 *   <li>the fragment removed: it never reaches the server;</li>
 *   <li>a URL without scheme ({@code evil.com/x}, as Netskope URL lists hold them) stays without one.</li>
 * </ul>
 */
public final class Urls {

    public static final int MAX_LENGTH = 8192;
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp");
    private static final Map<String, String> DEFAULT_PORTS = Map.of("http", "80", "https", "443", "ftp", "21");

    private Urls() {
    }

    public static ValueCheck check(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return ValueCheck.invalid("empty URL");
        }
        if (value.length() > MAX_LENGTH) {
            return ValueCheck.invalid("longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return ValueCheck.invalid("contains whitespace or a control character at position " + (i + 1));
            }
        }
        int fragment = value.indexOf('#');
        String withoutFragment = fragment >= 0 ? value.substring(0, fragment) : value;

        String scheme = null;
        String rest = withoutFragment;
        int schemeEnd = withoutFragment.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = withoutFragment.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                return ValueCheck.invalid("scheme '" + scheme + "' is not supported; expected http, https or ftp");
            }
            rest = withoutFragment.substring(schemeEnd + 3);
        } else if (withoutFragment.matches("(?i)^[a-z][a-z0-9+.-]*:[^0-9].*") && !withoutFragment.startsWith("[")) {
            return ValueCheck.invalid("scheme '" + withoutFragment.substring(0, withoutFragment.indexOf(':'))
                    + "' is not supported; expected http, https or ftp");
        }
        int pathStart = indexOfAny(rest, "/?");
        String authority = pathStart >= 0 ? rest.substring(0, pathStart) : rest;
        String pathAndQuery = pathStart >= 0 ? rest.substring(pathStart) : "";

        String userInfo = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at + 1);
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = null;
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
        if (portColon >= 0) {
            host = authority.substring(0, portColon);
            port = authority.substring(portColon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                return ValueCheck.invalid("port '" + port + "' is not a number from 1 to 65535");
            }
            port = String.valueOf(Integer.parseInt(port));
            if (scheme != null && port.equals(DEFAULT_PORTS.get(scheme))) {
                port = null;
            }
        }
        ValueCheck canonicalHost = host(host);
        if (!canonicalHost.isValid()) {
            return ValueCheck.invalid("host: " + canonicalHost.problem());
        }
        String path = upperCaseEscapes(pathAndQuery);
        if (path.equals("/")) {
            path = "";
        } else if (path.startsWith("/?")) {
            path = path.substring(1);
        }
        return ValueCheck.valid((scheme == null ? "" : scheme + "://") + userInfo + canonicalHost.value()
                + (port == null ? "" : ":" + port) + path);
    }

    private static ValueCheck host(String host) {
        if (host.isEmpty()) {
            return ValueCheck.invalid("missing");
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                return ValueCheck.invalid("unclosed '[' around an IPv6 address");
            }
            ValueCheck ipv6 = IpAddresses.ipv6(host);
            return ipv6.isValid() ? ValueCheck.valid("[" + ipv6.value() + "]") : ipv6;
        }
        if (host.matches("[0-9.]+")) {
            return IpAddresses.ipv4(host);
        }
        return DomainNames.check(host, DomainNames.Kind.DOMAIN);
    }

    private static String upperCaseEscapes(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder result = new StringBuilder(text);
        for (int i = 0; i + 2 < result.length(); i++) {
            if (result.charAt(i) == '%' && Character.digit(result.charAt(i + 1), 16) >= 0
                    && Character.digit(result.charAt(i + 2), 16) >= 0) {
                result.setCharAt(i + 1, Character.toUpperCase(result.charAt(i + 1)));
                result.setCharAt(i + 2, Character.toUpperCase(result.charAt(i + 2)));
            }
        }
        return result.toString();
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
