package org.tally.results;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The instance's Ed25519 key, which signs every revision digest (docs/verify.md). Kept in
 * the database ({@code signing_key}, one row), made on first use, so that every instance
 * behind one database signs with the same key; the public key is published at
 * {@code GET /api/v1/keys}.
 */
@Component
public class RevisionSigner {

	private static final String ALGORITHM = "Ed25519";

	private final JdbcClient jdbc;

	private volatile Keys keys;

	RevisionSigner(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The public key as X.509 SubjectPublicKeyInfo (DER), base64. */
	public String publicKey() {
		return Base64.getEncoder().encodeToString(keys().publicKey());
	}

	/** The first 16 hex digits of the SHA-256 of the public key's DER bytes. */
	public String keyId() {
		return RevisionDigest.sha256Hex(keys().publicKey()).substring(0, 16);
	}

	/**
	 * Signs the 32 bytes of the digest (given in hex); answers the signature in base64.
	 */
	public String sign(String digestHex) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(keys().privateKey());
			signature.update(HexFormat.of().parseHex(digestHex));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign with Ed25519: " + ex.getMessage(), ex);
		}
	}

	private Keys keys() {
		Keys loaded = this.keys;
		if (loaded == null) {
			loaded = load();
			this.keys = loaded;
		}
		return loaded;
	}

	private synchronized Keys load() {
		try {
			KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
			this.jdbc.sql("""
					insert into signing_key (id, algorithm, private_key, public_key) values (1, 'Ed25519', ?, ?)
					on conflict (id) do nothing""")
				.params(fresh.getPrivate().getEncoded(), fresh.getPublic().getEncoded())
				.update();
			return this.jdbc.sql("select private_key, public_key from signing_key where id = 1")
				.query((rs, row) -> new Keys(privateKey(rs.getBytes("private_key")), rs.getBytes("public_key")))
				.single();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK cannot make Ed25519 keys: " + ex.getMessage(), ex);
		}
	}

	private static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The stored signing key cannot be read: " + ex.getMessage(), ex);
		}
	}

	private record Keys(PrivateKey privateKey, byte[] publicKey) {
	}

}
