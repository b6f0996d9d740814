package org.tally.staff;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs staff in from the staff_user table. No account is ever locked by failed sign-ins:
 * {@link SignInThrottle} slows the addresses that guess instead.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUserRepository users;

	StaffUserDetailsService(StaffUserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No staff user '" + username + "'"));
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.roles(user.getRole())
			.disabled(!user.isEnabled())
			.build();
	}

}
