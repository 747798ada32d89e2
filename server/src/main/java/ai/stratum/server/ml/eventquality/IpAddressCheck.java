package ai.stratum.server.ml.eventquality;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The visitor's IP address: an IPv4 or IPv6 literal of a public, routable address. Addresses that can
 * never be a visitor's on the internet (private, loopback, link-local, carrier-grade NAT, documentation,
 * multicast, reserved; IANA's special-purpose registries) mean the event carries the address of the
 * advertiser's own server or proxy, or a made-up one, and match nobody.
 */
final class IpAddressCheck implements ValueCheck {

    static final IpAddressCheck INSTANCE = new IpAddressCheck();

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Only hex digits, colons and dots (an embedded IPv4): no zone ids, no host names. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final String NOT_AN_ADDRESS = "is not an IPv4 or IPv6 address";

    private IpAddressCheck() {
    }

    @Override
    public Optional<String> problem(String value) {
        InetAddress address;
        if (IPV4.matcher(value).matches()) {
            address = literal(value);
        } else if (value.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(value).matches()) {
            // in brackets the JDK takes it as an IPv6 literal or refuses it, whatever its first character
            address = literal("[" + value + "]");
        } else {
            return Optional.of(NOT_AN_ADDRESS);
        }
        if (address == null) {
            return Optional.of(NOT_AN_ADDRESS);
        }
        return (address instanceof Inet4Address v4 ? v4Problem(v4.getAddress()) : v6Problem((Inet6Address) address))
                .map(kind -> "is " + kind + ": send the visitor's public address, not one of your own network or a made-up one");
    }

    private static InetAddress literal(String value) {
        try {
            // a dotted quad, or a bracketed IPv6 literal: getByName parses it and never looks a name up
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Optional<String> v4Problem(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0) {
            return Optional.of("an unspecified address (0.0.0.0/8)");
        } else if (first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168) {
            return Optional.of("a private address (RFC 1918)");
        } else if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        } else if (first == 127) {
            return Optional.of("a loopback address");
        } else if (first == 169 && second == 254) {
            return Optional.of("a link-local address");
        } else if (first == 192 && second == 0 && third == 2 || first == 198 && second == 51 && third == 100
                || first == 203 && second == 0 && third == 113) {
            return Optional.of("a documentation address (RFC 5737)");
        } else if (first == 192 && second == 0 && third == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24)");
        } else if (first == 198 && (second == 18 || second == 19)) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        } else if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        } else if (first >= 240) {
            return Optional.of("a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> v6Problem(Inet6Address address) {
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address (::)");
        } else if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        } else if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("a link-local address (fe80::/10)");
        } else if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique local address (fc00::/7), IPv6's private range");
        } else if (first == 0xff) {
            return Optional.of("a multicast address");
        } else if (first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("a documentation address (2001:db8::/32)");
        } else if (isIpv4Compatible(b)) {
            return v4Problem(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return Optional.empty();
    }

    /** {@code ::a.b.c.d}, the deprecated IPv4-compatible form the JDK keeps as IPv6. */
    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
