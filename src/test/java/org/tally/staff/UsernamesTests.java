package org.tally.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical user name and the throttle's address key, as plain functions.
 */
class UsernamesTests {

	@Test
	void everyPaddingAndCaseOfANameIsOneName() {
		for (String typed : new String[] { "admin", "admin ", " admin", "admin\t", "\n admin \r\n", "ADMIN", "Admin",
				"admin\u00a0", "\u2003admin\u3000", "ad\u200bmin", "\u200eadmin\u200f", "\ufeffadmin",
				"\uff41\uff44\uff4d\uff49\uff4e", "\uff21\uff24\uff2d\uff29\uff2e" }) {
			assertThat(Usernames.canonical(typed)).as("[%s]", typed).isEqualTo("admin");
		}
	}

	@Test
	void keepsDifferentNamesApart() {
		assertThat(Usernames.canonical("ad min")).isEqualTo("ad min");
		assertThat(Usernames.canonical("admin2")).isNotEqualTo("admin");
		assertThat(Usernames.canonical(null)).isEmpty();
		assertThat(Usernames.canonical(" \t ")).isEmpty();
		assertThat(Usernames.canonical("x".repeat(500))).hasSize(100);
	}

	@Test
	void countsIpv6ByItsSlash64AndIpv4AsItIs() {
		assertThat(ClientAddresses.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddresses.key("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddresses.key("[2001:db8:1:2::1%eth0]")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddresses.key("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
		assertThat(ClientAddresses.key("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddresses.key("192.0.2.7")).isEqualTo("192.0.2.7");
		assertThat(ClientAddresses.key("2001:db8:1:2::/64")).as("a key is its own key").isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddresses.key("not:an:address.example")).isEqualTo("not:an:address.example");
		assertThat(ClientAddresses.key(null)).isEqualTo("unknown");
	}

}
