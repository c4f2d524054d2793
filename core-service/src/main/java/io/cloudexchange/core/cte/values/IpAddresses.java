package io.cloudexchange.core.cte.values;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * IP address literals, parsed strictly (never a DNS lookup) into their canonical text: dotted decimal
 * for IPv4, RFC 5952 for IPv6 (lower case, zeros compressed, IPv4-mapped as {@code ::ffff:a.b.c.d}).
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** Four decimal octets 0-255; a leading zero is refused (some tools read it as octal). */
    public static ValueCheck ipv4(String raw) {
        String value = raw.strip();
        if (value.indexOf(':') >= 0) {
            return ValueCheck.invalid("not an IPv4 address (an IPv6 address?)");
        }
        if (value.indexOf('/') >= 0) {
            return ValueCheck.invalid("a CIDR range is not an IPv4 address indicator");
        }
        String[] octets = value.split("\\.", -1);
        if (octets.length != 4) {
            return ValueCheck.invalid("an IPv4 address has four dot-separated numbers");
        }
        StringBuilder canonical = new StringBuilder();
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return ValueCheck.invalid("'" + octet + "' is not a number from 0 to 255");
            }
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                return ValueCheck.invalid("'" + octet + "' has a leading zero (ambiguous: octal in some tools)");
            }
            int number = Integer.parseInt(octet);
            if (number > 255) {
                return ValueCheck.invalid("'" + octet + "' is not a number from 0 to 255");
            }
            canonical.append(canonical.length() == 0 ? "" : ".").append(number);
        }
        return ValueCheck.valid(canonical.toString());
    }

    /** An IPv6 literal, with or without brackets; zone ids ({@code %eth0}) are refused. */
    public static ValueCheck ipv6(String raw) {
        String value = raw.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.indexOf(':') < 0) {
            return ValueCheck.invalid("not an IPv6 address" + (ipv4(value).isValid() ? " (an IPv4 address?)" : ""));
        }
        if (value.indexOf('%') >= 0) {
            return ValueCheck.invalid("an IPv6 zone id (%...) is not part of an indicator");
        }
        if (value.indexOf('/') >= 0) {
            return ValueCheck.invalid("a CIDR range is not an IPv6 address indicator");
        }
        InetAddress address;
        try {
            address = InetAddresses.forString(value);
        } catch (IllegalArgumentException e) {
            return ValueCheck.invalid("not a valid IPv6 address");
        }
        if (address instanceof Inet4Address mapped) {
            return ValueCheck.valid("::ffff:" + mapped.getHostAddress());
        }
        return ValueCheck.valid(InetAddresses.toAddrString(address));
    }
}
