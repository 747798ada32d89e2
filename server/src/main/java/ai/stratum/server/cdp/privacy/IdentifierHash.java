package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes privacy keeps of a normalized identifier. Pure. */
public final class IdentifierHash {

    private IdentifierHash() {
    }

    /**
     * The suppression hash: HMAC-SHA-256 under the tenant's key of {@code <TYPE>:<value>}. Keyed, so
     * the suppression list cannot be reversed by hashing a list of known e-mails without the key, and
     * one tenant's list says nothing about another's.
     */
    public static byte[] keyed(byte[] tenantKey, Identifier identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tenantKey, "HmacSHA256"));
            return mac.doFinal((identifier.type().name() + ":" + identifier.value()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Unkeyed SHA-256 in lower-case hex, as ad platforms take matching identifiers. */
    public static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
