package ai.stratum.server.security;

import ai.stratum.server.tenancy.TenantId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Issues and verifies the HS256 session tokens that {@code login} hands out. */
public final class TokenService {

    private static final String ISSUER = "stratum";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration expiry;
    private final Clock clock;

    public TokenService(byte[] secret, Duration expiry, Clock clock) {
        try {
            this.signer = new MACSigner(secret);
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT secret is not a usable HMAC key: " + e.getMessage(), e);
        }
        this.expiry = expiry;
        this.clock = clock;
    }

    public IssuedToken issue(UUID userId, TenantId tenant, Role role) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(expiry);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("tid", tenant.toString())
                .claim("role", role.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
        return new IssuedToken(jwt.serialize(), expiresAt);
    }

    /** The token's subject, or empty when it is malformed, forged, from another issuer or expired. */
    public Optional<TokenClaims> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiration = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expiration == null || !expiration.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(
                    UUID.fromString(claims.getSubject()),
                    new TenantId(UUID.fromString(claims.getStringClaim("tid"))),
                    Role.valueOf(claims.getStringClaim("role"))));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public record TokenClaims(UUID userId, TenantId tenant, Role role) {
    }
}
