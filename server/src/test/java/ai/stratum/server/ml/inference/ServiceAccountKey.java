package ai.stratum.server.ml.inference;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * A Google service account key file as the Cloud console downloads it, with a fresh RSA key, whose token
 * endpoint is a local server's {@code /token}.
 *
 * @param file where it was written
 * @param key  its key pair, to verify what was signed with it
 */
public record ServiceAccountKey(Path file, KeyPair key) {

    public static final String CLIENT_EMAIL = "predictor@stratum-test.iam.gserviceaccount.com";

    /** Writes {@code service-account.json} into the directory. */
    public static ServiceAccountKey write(Path directory, URI google) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            Path file = directory.resolve("service-account.json");
            Files.writeString(file, JsonMapper.createDefault().writeValueAsString(Map.of("type", "service_account",
                    "project_id", "stratum-test", "private_key_id", "key-1", "private_key", pem, "client_email", CLIENT_EMAIL,
                    "token_uri", google + "/token")));
            return new ServiceAccountKey(file, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }
}
