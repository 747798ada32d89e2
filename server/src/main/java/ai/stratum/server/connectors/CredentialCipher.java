package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.server.tenancy.TenantId;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * Seals connection credentials with AES-256-GCM (the JDK's own provider): a fresh random 96-bit
 * nonce per seal, and the tenant id and connection id as associated data, so a ciphertext only
 * opens in the row it was written for. A wrong key, a changed byte or a moved ciphertext all fail
 * to open with {@link CredentialsUnreadableException}; nothing half-decrypted is ever returned.
 */
public final class CredentialCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_PREFIX = "stratum/connection-credentials/v1|";

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(CredentialKey key) {
        this.key = new SecretKeySpec(key.bytes(), "AES");
        this.keyId = key.id();
    }

    /** @return the fingerprint of the key this cipher seals with */
    public String keyId() {
        return keyId;
    }

    SealedCredentials seal(TenantId tenant, UUID connectionId, Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tenant, connectionId));
            return new SealedCredentials(cipher.doFinal(CredentialsCodec.encode(credentials)), nonce, keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    Credentials open(TenantId tenant, UUID connectionId, SealedCredentials sealed) {
        if (!sealed.keyId().equals(keyId)) {
            throw new CredentialsUnreadableException("The connection's credentials were sealed with key " + sealed.keyId()
                    + " but this server has key " + keyId + ": STRATUM_SECRET_KEY (or the generated key under STRATUM_HOME) "
                    + "changed; restore it, or reconnect the account");
        }
        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(tenant, connectionId));
            plaintext = cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new CredentialsUnreadableException("The connection's credentials do not decrypt: they were altered, or "
                    + "belong to another connection; reconnect the account");
        } catch (GeneralSecurityException e) {
            throw new CredentialsUnreadableException("The connection's credentials cannot be decrypted (" + e.getClass().getSimpleName()
                    + "); reconnect the account");
        }
        try {
            return CredentialsCodec.decode(plaintext);
        } catch (IllegalArgumentException e) {
            throw new CredentialsUnreadableException("The connection's credentials are in an unreadable format; reconnect the account");
        }
    }

    private static byte[] associatedData(TenantId tenant, UUID connectionId) {
        return (AAD_PREFIX + tenant.value() + "|" + connectionId).getBytes(StandardCharsets.UTF_8);
    }
}
