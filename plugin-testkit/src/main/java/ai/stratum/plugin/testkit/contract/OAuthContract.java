package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.sandbox.platform.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static ai.stratum.plugin.testkit.contract.ContractHarness.failure;
import static ai.stratum.plugin.testkit.contract.ContractHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

/** What every OAuth provider must get right: the user's round trip, and refusal of a wrong client. */
public interface OAuthContract extends UsesContractHarness {

    @Test
    default void theAuthorizationUrlIsOnTheAuthorizationHostWithStateAndRedirect() {
        URI url = harness().plugin().oauth().authorizationUrl(harness().context(harness().clientCredentials()),
                URI.create("https://app.example/cb"), "state-123");

        URI host = harness().context().endpoints().authorization();
        assertThat(url.getHost()).isEqualTo(host.getHost());
        assertThat(url.getPort()).isEqualTo(host.getPort());
        assertThat(url.getQuery()).contains("state-123", "https://app.example/cb", Tokens.CLIENT_ID);
    }

    @Test
    default void theCodeFlowGivesCredentialsThatWork() {
        Credentials granted = harness().authorize();

        assertThat(granted.get(Credentials.ACCESS_TOKEN)).isPresent();
        assertThat(join(harness().plugin().collector().campaigns(harness().context(granted),
                harness().plugin().accountId(), null)).items()).isNotEmpty();
    }

    @Test
    default void aWrongClientSecretIsRefused() {
        Credentials wrongSecret = harness().clientCredentials().with(Credentials.CLIENT_SECRET, "not-the-secret");
        String code = harness().state().tokens().issueCode("https://app.example/cb");

        failure(() -> join(harness().plugin().oauth().exchangeCode(harness().context(wrongSecret), code,
                URI.create("https://app.example/cb"))));
    }
}
