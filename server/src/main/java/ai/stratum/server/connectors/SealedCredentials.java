package ai.stratum.server.connectors;

import java.util.Arrays;
import java.util.Objects;

/**
 * Credentials as stored: AES-256-GCM ciphertext (with its tag), the nonce it was sealed with, and
 * the fingerprint of the key. Nothing here is secret without the key.
 *
 * @param ciphertext the sealed credentials followed by the 16-byte tag
 * @param nonce      the 96-bit nonce, fresh for every seal
 * @param keyId      the {@link CredentialKey#id()} of the key that sealed them
 */
record SealedCredentials(byte[] ciphertext, byte[] nonce, String keyId) {

    SealedCredentials {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = ciphertext.clone();
        nonce = nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedCredentials that && Arrays.equals(ciphertext, that.ciphertext)
                && Arrays.equals(nonce, that.nonce) && keyId.equals(that.keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ciphertext), Arrays.hashCode(nonce), keyId);
    }

    @Override
    public String toString() {
        return "SealedCredentials[" + ciphertext.length + " bytes, key " + keyId + "]";
    }
}
