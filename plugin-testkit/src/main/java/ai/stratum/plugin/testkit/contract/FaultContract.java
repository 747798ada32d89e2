package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.sandbox.platform.Fault;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static ai.stratum.plugin.testkit.contract.ContractHarness.failure;
import static ai.stratum.plugin.testkit.contract.ContractHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

/** How every plugin must report its platform's faults, so the host can back off, refresh or ask the user. */
public interface FaultContract extends UsesContractHarness {

    /** Every attempt the host transport makes in tests. */
    int ATTEMPTS = TestContexts.TEST_POLICY.maxRetries() + 1;

    private void firstCampaignPage() {
        join(harness().plugin().collector().campaigns(harness().context(), harness().plugin().accountId(), null));
    }

    private void firstCampaignPage(Credentials credentials) {
        join(harness().plugin().collector().campaigns(harness().context(credentials), harness().plugin().accountId(),
                null));
    }

    @Test
    default void reportsARateLimitAsRateLimitedWithAWait() {
        harness().state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(10)), ATTEMPTS);

        ConnectorException failure = failure(this::firstCampaignPage);

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
    }

    @Test
    default void getsPastAServerError() {
        harness().state().faults().inject(new Fault.ServerError(503));

        firstCampaignPage();

        assertThat(harness().state().faults().pending()).isZero();
    }

    @Test
    default void getsPastATimeout() {
        harness().state().faults().inject(new Fault.Latency(TestContexts.TEST_POLICY.requestTimeout().plusSeconds(1)));

        firstCampaignPage();
    }

    @Test
    default void reportsAMalformedAnswerAsMalformedAndReturnsNothing() {
        harness().state().faults().inject(new Fault.Malformed());
        assertThat(failure(this::firstCampaignPage).failure()).isEqualTo(Failure.MALFORMED_RESPONSE);

        harness().state().faults().inject(new Fault.Malformed());
        assertThat(failure(() -> harness().allRows(harness().context(), harness().lastDays(3))).failure())
                .isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    default void reportsAnExpiredTokenSoTheHostCanRefreshIt() {
        Credentials granted = harness().authorize();
        harness().state().faults().inject(new Fault.TokenExpired());

        assertThat(failure(() -> firstCampaignPage(granted)).failure()).isEqualTo(Failure.TOKEN_EXPIRED);

        if (harness().plugin().refreshesExpiredTokens()) {
            Credentials refreshed = join(harness().plugin().oauth().refresh(harness().context(granted)));
            firstCampaignPage(ContractHarness.merged(granted, refreshed));
        } else {
            ConnectorException refusal = failure(() -> join(harness().plugin().oauth().refresh(harness().context(granted))));
            assertThat(refusal.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        }
    }

    @Test
    default void reportsARevokedTokenAsNeedsReauthWithThePlatformsMessage() {
        harness().state().faults().inject(new Fault.TokenRevoked());

        ConnectorException failure = failure(this::firstCampaignPage);

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).isNotBlank();
    }
}
