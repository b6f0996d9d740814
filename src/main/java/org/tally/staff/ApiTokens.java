package org.tally.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import org.jspecify.annotations.Nullable;

import org.tally.kernel.AuditLog;
import org.tally.kernel.InvalidRequestException;
import org.tally.kernel.PublicHttpPolicy;

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
	 * Creates a token for the user, limited to {@code scopes} (every scope when null or
	 * empty) and to one election (every election when {@code election} is null or blank);
	 * the answer holds the token itself, which is never shown again.
	 */
	@Transactional
	public NewToken create(String typedUsername, String name, List<String> scopes, String election, String who) {
		String username = Usernames.canonical(typedUsername);
		Long userId = this.jdbc.sql("select id from staff_user where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new InvalidRequestException("username: no staff user '" + username + "'"));
		List<String> granted = (scopes == null || scopes.isEmpty()) ? TokenScope.all()
				: scopes.stream().map(TokenScope::of).distinct().sorted().map(TokenScope::value).toList();
		String slug = (election == null || election.isBlank()) ? null : election.strip();
		Long electionId = (slug == null) ? null
				: this.jdbc.sql("select id from election where slug = ?")
					.param(slug)
					.query(Long.class)
					.optional()
					.orElseThrow(() -> new InvalidRequestException("election: no election '" + slug + "'"));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = this.jdbc.sql("""
				insert into api_token (user_id, name, token_hash, scopes, election_id)
				values (?, ?, ?, ?, ?) returning id""")
			.params(userId, name.strip(), hash(token), granted.toArray(String[]::new), electionId)
			.query(Long.class)
			.single();
		this.audit.record(who, "token-created", "token " + id, null, new Audited(name.strip(), username, granted, slug),
				null);
		return new NewToken(id, name.strip(), username, granted, slug, token);
	}

	/** Revokes the token; it is refused from the next request on. */
	@Transactional
	public void revoke(long id, String who) {
		TokenView token = find(id).orElseThrow(() -> NotFoundException.of("API token " + id));
		if (token.revokedAt() != null) {
			return;
		}
		this.jdbc.sql("update api_token set revoked_at = now() where id = ?").param(id).update();
		this.audit.record(who, "token-revoked", "token " + id, new Revoking(token.name(), token.username()),
				new Revoked(true), null);
	}

	/** Every token, newest first, without the secrets. */
	public List<TokenView> list() {
		return this.jdbc.sql("""
				select t.id, t.name, u.username, t.scopes, e.slug, t.created_at, t.last_used_at, t.revoked_at
				from api_token t join staff_user u on u.id = t.user_id left join election e on e.id = t.election_id
				order by t.id desc""").query(ApiTokens::view).list();
	}

	Optional<TokenView> find(long id) {
		return this.jdbc.sql("""
				select t.id, t.name, u.username, t.scopes, e.slug, t.created_at, t.last_used_at, t.revoked_at
				from api_token t join staff_user u on u.id = t.user_id left join election e on e.id = t.election_id
				where t.id = ?""").param(id).query(ApiTokens::view).optional();
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
				select t.id, t.name, u.username, u.role, t.scopes, e.slug
				from api_token t join staff_user u on u.id = t.user_id left join election e on e.id = t.election_id
				where t.token_hash = ? and t.revoked_at is null and u.enabled""")
			.param(hash(token))
			.query((rs, row) -> new TokenHolder(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
					StaffRole.valueOf(rs.getString("role")),
					scopes(rs).stream()
						.map(TokenScope::of)
						.collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class))),
					rs.getString("slug")))
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

	private static TokenView view(ResultSet rs, int row) throws SQLException {
		return new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("username"), scopes(rs),
				rs.getString("slug"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static List<String> scopes(ResultSet rs) throws SQLException {
		return List.of((String[]) rs.getArray("scopes").getArray());
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A token as the audit log shows its creation: never the token.
	 *
	 * @param user the user name the token signs in as
	 * @param election the one election it may write to, or {@code null}
	 */
	record Audited(String name, String user, List<String> scopes, String election) {
	}

	/** A token about to be revoked, as the audit log names it. */
	record Revoking(String name, String user) {
	}

	/** A token revoked, as the audit log shows it after. */
	record Revoked(boolean revoked) {
	}

	/** A token just created: the only time {@code token} is shown. */
	public record NewToken(long id, String name, String username,
			@Schema(description = "read, import, calls") List<String> scopes,
			@Nullable @Schema(
					description = "the one election the token may write to; null: every election") String election,
			String token) {
	}

	/** A token as admins see it later: no secret. */
	public record TokenView(long id, String name, String username,
			@Schema(description = "read, import, calls") List<String> scopes,
			@Nullable @Schema(
					description = "the one election the token may write to; null: every election") String election,
			Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	/**
	 * Who a presented token signs in as, what it may do and for which election (null:
	 * every one).
	 */
	public record TokenHolder(long id, String name, String username, StaffRole role, Set<TokenScope> scopes,
			String election) {

		/**
		 * Why the token may not make this request (the problem's detail), or empty when
		 * it may. {@code missing} receives the scopes it lacks.
		 */
		public Optional<String> refusal(String method, String path, Set<TokenScope> missing) {
			missing.addAll(TokenScope.required(method, path));
			missing.removeAll(this.scopes);
			if (!missing.isEmpty()) {
				return Optional.of("This API token lacks the scope "
						+ missing.stream().map(TokenScope::value).collect(Collectors.joining(" and "))
						+ " needed here; it has "
						+ this.scopes.stream().map(TokenScope::value).collect(Collectors.joining(", ")) + ".");
			}
			if (this.election == null) {
				return Optional.empty();
			}
			if ((PublicHttpPolicy.safe(method) && !PublicHttpPolicy.accounts(path))
					|| TokenScope.electionOf(path).filter(this.election::equals).isPresent()) {
				return Optional.empty();
			}
			return Optional.of("This API token is limited to the election " + this.election + ".");
		}

	}

}
