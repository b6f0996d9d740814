package org.tally.staff;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tally.kernel.TallyProperties;

/**
 * On first start with no users, creates {@code admin} with the password from
 * {@code TALLY_ADMIN_PASSWORD}, or a random one printed once in the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(AdminBootstrap.class);

	private final StaffUserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TallyProperties properties;

	AdminBootstrap(StaffUserRepository users, PasswordEncoder passwordEncoder, TallyProperties properties) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		String password = this.properties.adminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		}
		this.users.save(new StaffUser("admin", this.passwordEncoder.encode(password), StaffRole.ADMIN));
		if (generated) {
			log.warn("Created user 'admin' with password " + password
					+ " (shown once; set TALLY_ADMIN_PASSWORD to choose it)");
		}
		else {
			log.info("Created user 'admin' with the password from TALLY_ADMIN_PASSWORD");
		}
	}

}
