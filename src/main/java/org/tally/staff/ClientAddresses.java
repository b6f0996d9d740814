package org.tally.staff;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client address is counted under by the sign-in throttle: an IPv4 address as
 * it is, an IPv6 address by its /64 network (one household or host gets a whole /64 and
 * can pick any address in it), written {@code 2001:db8:1:2::/64}. IPv4-mapped IPv6
 * addresses count as the IPv4 address.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	/** The throttle's key for {@code address}; anything unparsable is kept as given. */
	public static String key(String address) {
		if (address == null || address.isEmpty()) {
			return "unknown";
		}
		String literal = address.replace("[", "").replace("]", "");
		int zone = literal.indexOf('%');
		literal = (zone >= 0) ? literal.substring(0, zone) : literal;
		if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.]{2,45}")) {
			return address;
		}
		try {
			// only a literal reaches here (hex digits, colons, dots): no name is ever
			// looked up
			InetAddress parsed = InetAddress.getByName(literal);
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return network.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
