package ai.stratum.server.identity;

import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthenticationTest extends IntegrationTest {

    private static final String LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email role } } }";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.login.max-failures-per-email", "3", "stratum.login.max-failures-per-address", "1000");
    }

    @Test
    void loginReturnsATokenThatAuthenticates() {
        var login = graphql().execute(LOGIN, Map.of("e", ADMIN_EMAIL, "p", ADMIN_PASSWORD)).assertNoErrors();

        assertThat((String) login.data("login.user.role")).isEqualTo("SUPER_ADMIN");
        assertThat((String) login.data("login.expiresAt")).endsWith("Z");
        var me = graphql().withToken(login.data("login.token")).execute("{ me { email role tenant { name currency timezone } } }");
        assertThat((String) me.assertNoErrors().data("me.email")).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void loginIsCaseInsensitiveInTheEmail() {
        graphql().execute(LOGIN, Map.of("e", ADMIN_EMAIL.toUpperCase(), "p", ADMIN_PASSWORD)).assertNoErrors();
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
        var wrongPassword = graphql().execute(LOGIN, Map.of("e", ADMIN_EMAIL, "p", "not-the-password-at-all"));
        var unknownEmail = graphql().execute(LOGIN, Map.of("e", "nobody@stratum.test", "p", ADMIN_PASSWORD));

        assertThat(wrongPassword.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(unknownEmail.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(wrongPassword.errorMessage()).isEqualTo(unknownEmail.errorMessage());
    }

    @Test
    void throttlesRepeatedFailuresForOneEmail() {
        String email = unique("victim") + "@stratum.test";
        for (int i = 0; i < 3; i++) {
            assertThat(graphql().execute(LOGIN, Map.of("e", email, "p", "guess-number-" + i)).errorCode())
                    .isEqualTo("UNAUTHENTICATED");
        }

        var throttled = graphql().execute(LOGIN, Map.of("e", email, "p", "guess-number-4"));

        assertThat(throttled.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void refusesForgedAndMalformedTokens() {
        String token = loginAsAdmin();
        String forged = token.substring(0, token.length() - 4) + "AAAA";

        var forgedResult = graphql().withToken(forged).execute("{ me { id } }");
        var malformed = graphql().withHeader("Authorization", "Basic abc").execute("{ me { id } }");

        assertThat(forgedResult.status()).isEqualTo(401);
        assertThat(forgedResult.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(malformed.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void apiKeysAuthenticateAsBearerOrHeaderUntilRevoked() {
        var admin = graphql().withToken(loginAsAdmin());
        var created = admin.execute("mutation { createApiKey(input: { name: \"ci\", role: VIEWER }) { key apiKey { id role } } }")
                .assertNoErrors();
        String key = created.data("createApiKey.key");
        String id = created.data("createApiKey.apiKey.id");

        assertThat(key).startsWith("stratum_");
        assertThat((String) graphql().withToken(key).execute("{ me { email } }").assertNoErrors().data("me.email"))
                .isEqualTo(ADMIN_EMAIL);
        graphql().withHeader("X-API-Key", key).execute("{ me { email } }").assertNoErrors();

        admin.execute("mutation($id: ID!) { revokeApiKey(id: $id) }", Map.of("id", id)).assertNoErrors();

        assertThat(graphql().withToken(key).execute("{ me { email } }").errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void apiKeyListingNeverShowsTheKey() {
        var admin = graphql().withToken(loginAsAdmin());
        admin.execute("mutation { createApiKey(input: { name: \"listed\", role: VIEWER }) { key } }").assertNoErrors();

        var listing = admin.execute("{ apiKeys { id name role createdAt lastUsedAt revokedAt } }").assertNoErrors();

        assertThat(listing.body().toString()).doesNotContain("stratum_");
    }

    @Test
    void anApiKeyCannotCreateKeys() {
        String key = graphql().withToken(loginAsAdmin())
                .execute("mutation { createApiKey(input: { name: \"k\", role: TENANT_ADMIN }) { key } }")
                .assertNoErrors().data("createApiKey.key");

        var result = graphql().withToken(key).execute("mutation { createApiKey(input: { name: \"k2\", role: VIEWER }) { key } }");

        assertThat(result.errorCode()).isEqualTo("FORBIDDEN");
    }
}
