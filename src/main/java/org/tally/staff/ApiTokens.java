package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.tally.results.AuditLog;
import org.tally.results.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for programs that post results: an admin creates one for a staff account,
 * sees it once, and can revoke it. Only the SHA-256 of a token is stored; a token is 32
 * random bytes, so a fast hash is enough (nothing to guess, nothing to brute-force).
 */
@Service
public class ApiTokens {

	static final String PREFIX = "tally_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ApiTokens(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Creates a token for the user; the answer holds the token itself, which is never
	 * shown again.
	 */
	@Transactional
	public NewToken create(String username, String name, String who) {
		Long userId = this.jdbc.sql("select id from staff_user where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidRequestException("username: no staff user '" + username + "'"));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = this.jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id")
			.params(userId, name.strip(), hash(token))
			.query(Long.class)
			.single();
		this.audit.record(who, "token-created", "token " + id, null, Map.of("name", name.strip(), "user", username),
				null);
		return new NewToken(id, name.strip(), username, token);
	}

	/** Revokes the token; it is refused from the next request on. */
	@Transactional
	public void revoke(long id, String who) {
		TokenView token = find(id).orElseThrow(() -> NotFoundException.of("API token " + id));
		if (token.revokedAt() != null) {
			return;
		}
		this.jdbc.sql("update api_token set revoked_at = now() where id = ?").param(id).update();
		this.audit.record(who, "token-revoked", "token " + id, Map.of("name", token.name(), "user", token.username()),
				Map.of("revoked", true), null);
	}

	/** Every token, newest first, without the secrets. */
	public List<TokenView> list() {
		return this.jdbc.sql("""
				select t.id, t.name, u.username, t.created_at, t.last_used_at, t.revoked_at
				from api_token t join staff_user u on u.id = t.user_id order by t.id desc""")
			.query(ApiTokens::view)
			.list();
	}

	Optional<TokenView> find(long id) {
		return this.jdbc.sql("""
				select t.id, t.name, u.username, t.created_at, t.last_used_at, t.revoked_at
				from api_token t join staff_user u on u.id = t.user_id where t.id = ?""")
			.param(id)
			.query(ApiTokens::view)
			.optional();
	}

	/**
	 * The staff account an unrevoked token of an enabled user signs in as, noting when it
	 * was last used (at most once a minute).
	 */
	public Optional<TokenHolder> authenticate(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		Optional<TokenHolder> holder = this.jdbc.sql("""
				select t.id, t.name, u.username, u.role from api_token t join staff_user u on u.id = t.user_id
				where t.token_hash = ? and t.revoked_at is null and u.enabled""")
			.param(hash(token))
			.query((rs, row) -> new TokenHolder(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
					rs.getString("role")))
			.optional();
		holder.ifPresent((found) -> this.jdbc.sql("""
				update api_token set last_used_at = now()
				where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
			.param(found.id())
			.update());
		return holder;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TokenView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A token just created: the only time {@code token} is shown. */
	public record NewToken(long id, String name, String username, String token) {
	}

	/** A token as admins see it later: no secret. */
	public record TokenView(long id, String name, String username, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	/** Who a presented token signs in as. */
	public record TokenHolder(long id, String name, String username, String role) {
	}

}
