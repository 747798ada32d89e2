package ai.stratum.server.ml.inference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Access tokens for a Google service account from its key file ({@code GOOGLE_APPLICATION_CREDENTIALS}),
 * by the OAuth 2.0 JWT bearer grant (RFC 7523) Google's own libraries use: a JWT signed with the account's
 * private key (RS256, {@code iss} the account, {@code aud} the key file's {@code token_uri}, scope
 * {@code cloud-platform}, one hour), exchanged at {@code token_uri} for an access token.
 */
final class ServiceAccountTokens extends CachedAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final String clientEmail;
    private final String keyId;
    private final RSAPrivateKey privateKey;
    private final URI tokenUri;

    ServiceAccountTokens(Path keyFile, HttpClient http, JsonMapper json, Duration timeout, Clock clock) {
        super(clock);
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        Map<String, Object> key = read(keyFile, json);
        if (!"service_account".equals(key.get("type"))) {
            throw new IllegalArgumentException("GOOGLE_APPLICATION_CREDENTIALS " + keyFile + " is not a service account key (type "
                    + key.get("type") + ")");
        }
        this.clientEmail = required(key, "client_email", keyFile);
        this.keyId = (String) key.get("private_key_id");
        this.privateKey = privateKey(required(key, "private_key", keyFile), keyFile);
        this.tokenUri = URI.create((String) key.getOrDefault("token_uri", "https://oauth2.googleapis.com/token"));
    }

    @Override
    Mono<Token> fetch() {
        return Mono.defer(() -> {
            String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                    + "&assertion=" + URLEncoder.encode(assertion(), StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }).map(this::token).onErrorMap(e -> !(e instanceof PredictionUnavailableException),
                e -> new PredictionUnavailableException("Could not get a Google access token for the service account: "
                        + e.getClass().getSimpleName()));
    }

    private Token token(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            // the body names the problem (invalid_grant…) and never holds the key
            throw new PredictionUnavailableException("Google's token endpoint refused the service account's assertion: HTTP "
                    + response.statusCode() + " " + GoogleErrors.describe(response.body(), json));
        }
        Map<String, Object> body;
        try {
            body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new PredictionUnavailableException("Google's token endpoint answered something that is not JSON");
        }
        Object expiresIn = body.get("expires_in");
        return token((String) body.get("access_token"), Duration.ofSeconds(expiresIn instanceof Number n ? n.longValue() : 0));
    }

    private String assertion() {
        Date issued = Date.from(now());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientEmail).audience(tokenUri.toString()).claim("scope", SCOPE)
                .issueTime(issued).expirationTime(Date.from(now().plus(ASSERTION_LIFETIME))).build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new PredictionUnavailableException("Could not sign the service account's token request");
        }
        return jwt.serialize();
    }

    private static Map<String, Object> read(Path keyFile, JsonMapper json) {
        try {
            return json.readValue(Files.readString(keyFile), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read GOOGLE_APPLICATION_CREDENTIALS " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, Object> key, String field, Path keyFile) {
        if (!(key.get(field) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException("GOOGLE_APPLICATION_CREDENTIALS " + keyFile + " has no " + field);
        }
        return value;
    }

    private static RSAPrivateKey privateKey(String pem, Path keyFile) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // never the key itself in the message
            throw new IllegalArgumentException("GOOGLE_APPLICATION_CREDENTIALS " + keyFile + " holds no readable RSA private key (PKCS#8 PEM)");
        }
    }
}
