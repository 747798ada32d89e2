package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.server.config.StratumHome;
import ai.stratum.server.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private static final Credentials TOKENS = Credentials.of(Map.of(
            Credentials.ACCESS_TOKEN, "EAAB-access-token-ü",
            Credentials.REFRESH_TOKEN, "refresh-1",
            Credentials.EXPIRES_AT, "2030-01-01T00:00:00Z"));

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final UUID connection = UUID.randomUUID();
    private final CredentialCipher cipher = new CredentialCipher(key(1));

    @Test
    void opensWhatItSealed() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);

        assertThat(cipher.open(tenant, connection, sealed)).isEqualTo(TOKENS);
        assertThat(sealed.nonce()).hasSize(12);
        assertThat(sealed.keyId()).isEqualTo(cipher.keyId());
    }

    @Test
    void neverStoresTheTokensInTheClear() {
        byte[] ciphertext = cipher.seal(tenant, connection, TOKENS).ciphertext();

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("access-token").doesNotContain("refresh-1");
    }

    @Test
    void sealsWithAFreshNonceEveryTime() {
        SealedCredentials first = cipher.seal(tenant, connection, TOKENS);
        SealedCredentials second = cipher.seal(tenant, connection, TOKENS);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void opensEmptyCredentials() {
        assertThat(cipher.open(tenant, connection, cipher.seal(tenant, connection, Credentials.none()))).isEqualTo(Credentials.none());
    }

    @ParameterizedTest(name = "byte {0} flipped")
    @ValueSource(ints = {0, 5, -1})
    void refusesAlteredCiphertext(int position) {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);
        byte[] altered = sealed.ciphertext();
        int index = position < 0 ? altered.length + position : position;
        altered[index] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(tenant, connection, new SealedCredentials(altered, sealed.nonce(), sealed.keyId())))
                .isInstanceOf(CredentialsUnreadableException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void refusesAnAlteredNonce() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(tenant, connection, new SealedCredentials(sealed.ciphertext(), nonce, sealed.keyId())))
                .isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    void refusesCredentialsMovedToAnotherConnection() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);

        assertThatThrownBy(() -> cipher.open(tenant, UUID.randomUUID(), sealed))
                .isInstanceOf(CredentialsUnreadableException.class)
                .hasMessageContaining("belong to another connection");
    }

    @Test
    void refusesCredentialsMovedToAnotherTenant() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);

        assertThatThrownBy(() -> cipher.open(new TenantId(UUID.randomUUID()), connection, sealed))
                .isInstanceOf(CredentialsUnreadableException.class);
    }

    @Test
    void namesAChangedKeyAsTheCause() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);
        CredentialCipher otherKey = new CredentialCipher(key(2));

        assertThatThrownBy(() -> otherKey.open(tenant, connection, sealed))
                .isInstanceOf(CredentialsUnreadableException.class)
                .hasMessageContaining("STRATUM_SECRET_KEY")
                .hasMessageContaining(sealed.keyId());
    }

    @Test
    void aForgedKeyIdDoesNotHelp() {
        SealedCredentials sealed = cipher.seal(tenant, connection, TOKENS);
        CredentialCipher otherKey = new CredentialCipher(key(2));

        assertThatThrownBy(() -> otherKey.open(tenant, connection,
                new SealedCredentials(sealed.ciphertext(), sealed.nonce(), otherKey.keyId())))
                .isInstanceOf(CredentialsUnreadableException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void takesTheConfiguredKey(@TempDir Path home) {
        String configured = Base64.getEncoder().encodeToString(bytes(32, 7));

        CredentialKey key = CredentialKey.resolve(configured, new StratumHome(home));

        assertThat(key.id()).isEqualTo(new CredentialKey(bytes(32, 7)).id());
        assertThat(home.resolve("secrets/credentials-key")).doesNotExist();
        assertThat(key.toString()).doesNotContain(configured);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void refusesAConfiguredKeyOfAnotherLength(int length, @TempDir Path home) {
        String configured = Base64.getEncoder().encodeToString(bytes(length, 3));

        assertThatThrownBy(() -> CredentialKey.resolve(configured.isEmpty() ? "=" : configured, new StratumHome(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRATUM_SECRET_KEY")
                .hasMessageContaining("32");
    }

    @Test
    void refusesAConfiguredKeyThatIsNotBase64(@TempDir Path home) {
        assertThatThrownBy(() -> CredentialKey.resolve("not base64 at all!", new StratumHome(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRATUM_SECRET_KEY is not valid base64");
    }

    @Test
    void generatesAKeyOnceAndKeepsItPrivate(@TempDir Path home) throws Exception {
        CredentialKey first = CredentialKey.resolve("", new StratumHome(home));
        CredentialKey second = CredentialKey.resolve(null, new StratumHome(home));

        Path file = home.resolve("secrets/credentials-key");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesACorruptGeneratedKeyFile(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets/credentials-key"), Base64.getEncoder().encodeToString(bytes(10, 1)));

        assertThatThrownBy(() -> CredentialKey.resolve("", new StratumHome(home)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials-key")
                .hasMessageContaining("decodes to 10 bytes");
    }

    private static CredentialKey key(int seed) {
        return new CredentialKey(bytes(32, seed));
    }

    private static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
