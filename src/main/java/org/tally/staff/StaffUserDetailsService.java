package org.tally.staff;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs staff in from the staff_user table, by the {@link Usernames#canonical canonical}
 * name. No account is ever locked by failed sign-ins: {@link SignInThrottle} slows the
 * addresses that guess instead. An account whose password an admin set carries
 * {@link StaffUser#PASSWORD_CHANGE_REQUIRED} until its user chooses a new one.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUserRepository users;

	StaffUserDetailsService(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = this.users.findByUsername(Usernames.canonical(username))
			.orElseThrow(() -> new UsernameNotFoundException("No such staff user"));
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.authorities(authorities(user))
			.disabled(!user.isEnabled())
			.build();
	}

	/**
	 * The role, and {@link StaffUser#PASSWORD_CHANGE_REQUIRED} while the user must change
	 * it.
	 */
	static String[] authorities(StaffUser user) {
		return user.isMustChangePassword()
				? new String[] { user.getRole().authority(), StaffUser.PASSWORD_CHANGE_REQUIRED }
				: new String[] { user.getRole().authority() };
	}

}
