package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class CallPolicyTest {

    private static final String TOKEN = "EAAB-secret-access-token";
    private static final CallDescription CALL = new CallDescription(Platform.META, "meta-marketing", "reading campaigns",
            Redactor.of(Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN))));

    private final CallPolicy policy = new CallPolicy(Duration.ofMinutes(5), 3, Duration.ofMinutes(5), () -> 0.5);

    @Test
    void refreshesAnExpiredTokenOnce() {
        ConnectorException expired = ConnectorException.tokenExpired("Session has expired");

        assertThat(policy.next(expired, CallPolicy.Attempts.FIRST, CALL)).isInstanceOf(CallStep.Refresh.class);
        CallStep second = policy.next(expired, CallPolicy.Attempts.FIRST.afterRefresh(), CALL);
        assertThat(second).isInstanceOf(CallStep.Fail.class);
        assertThat(((CallStep.Fail) second).failure().failure()).isEqualTo(CallFailure.TOKEN_EXPIRED);
    }

    @Test
    void waitsOutARateLimitWithJitterWithinTheCap() {
        CallStep step = policy.next(ConnectorException.rateLimited("code 17", Duration.ofSeconds(10)), CallPolicy.Attempts.FIRST, CALL);

        assertThat(step).isEqualTo(new CallStep.Retry(Duration.ofSeconds(11)));
    }

    @Test
    void neverWaitsLongerThanTheCapEvenWithJitter() {
        CallStep step = policy.next(ConnectorException.rateLimited("slow down", Duration.ofMinutes(5)), CallPolicy.Attempts.FIRST, CALL);

        assertThat(step).isEqualTo(new CallStep.Retry(Duration.ofMinutes(5)));
    }

    @Test
    void waitsADefaultWhenThePlatformNamesNoWait() {
        CallStep step = policy.next(ConnectorException.rateLimited("slow down", null), CallPolicy.Attempts.FIRST, CALL);

        assertThat(step).isEqualTo(new CallStep.Retry(Duration.ofSeconds(33)));
    }

    @Test
    void failsWhenTheAskedWaitIsLongerThanTheCap() {
        CallStep step = policy.next(ConnectorException.rateLimited("hourly limit", Duration.ofHours(1)), CallPolicy.Attempts.FIRST, CALL);

        ConnectorCallException failure = ((CallStep.Fail) step).failure();
        assertThat(failure.failure()).isEqualTo(CallFailure.RATE_LIMITED);
        assertThat(failure).hasMessageContaining("PT1H").hasMessageContaining("next sync");
    }

    @Test
    void failsAfterTheLastRateLimitWait() {
        CallPolicy.Attempts waited = CallPolicy.Attempts.FIRST.afterWait().afterWait().afterWait();

        CallStep step = policy.next(ConnectorException.rateLimited("code 4", Duration.ofSeconds(1)), waited, CALL);

        assertThat(((CallStep.Fail) step).failure()).hasMessageContaining("still rate-limited").hasMessageContaining("after 3 waits");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "NEEDS_REAUTH       | META refused the connection's credentials while reading campaigns; reconnect the account",
            "TRANSIENT          | META could not be reached while reading campaigns, after the transport's retries",
            "MALFORMED_RESPONSE | META answered with a response the plugin could not read while reading campaigns",
            "REJECTED           | META rejected the request while reading campaigns (code 100)"})
    void failsWithAMessageNamingThePlatformAndTheCall(CallFailure kind, String expected) {
        ConnectorException thrown = switch (kind) {
            case NEEDS_REAUTH -> ConnectorException.needsReauth("token revoked");
            case TRANSIENT -> ConnectorException.transientFailure("HTTP 503", null);
            case MALFORMED_RESPONSE -> ConnectorException.malformedResponse("unexpected token", null);
            case REJECTED -> ConnectorException.rejected("Invalid parameter", "100");
            default -> throw new IllegalArgumentException(kind.name());
        };

        ConnectorCallException failure = ((CallStep.Fail) policy.next(new CompletionException(thrown), CallPolicy.Attempts.FIRST, CALL))
                .failure();

        assertThat(failure.failure()).isEqualTo(kind);
        assertThat(failure.getMessage()).startsWith(expected).endsWith(thrown.getMessage());
        assertThat(failure.platformMessage()).isEqualTo(thrown.getMessage());
    }

    @Test
    void anythingElseAPluginThrowsIsAPluginFault() {
        ConnectorCallException failure = ((CallStep.Fail) policy.next(new IllegalStateException("boom"), CallPolicy.Attempts.FIRST, CALL))
                .failure();

        assertThat(failure.failure()).isEqualTo(CallFailure.PLUGIN_ERROR);
        assertThat(failure).hasMessage("The meta-marketing plugin failed while reading campaigns (IllegalStateException: boom)");
    }

    @Test
    void aLinkageErrorIsAPluginFaultToo() {
        ConnectorCallException failure = policy.failureOf(new NoClassDefFoundError("com/acme/Missing"), CALL);

        assertThat(failure.failure()).isEqualTo(CallFailure.PLUGIN_ERROR);
        assertThat(failure).hasMessageContaining("NoClassDefFoundError");
    }

    @Test
    void aPluginThatNeverAnswersTimesOut() {
        assertThat(policy.failureOf(new TimeoutException(), CALL))
                .hasMessage("The meta-marketing plugin did not finish reading campaigns within PT5M");
    }

    @Test
    void keepsTheConnectionsSecretsOutOfMessages() {
        ConnectorCallException failure = policy.failureOf(ConnectorException.rejected("bad token " + TOKEN + " in request", "190"), CALL);

        assertThat(failure.getMessage()).doesNotContain(TOKEN).contains(Redactor.MASK);
        assertThat(failure.platformMessage()).doesNotContain(TOKEN);
    }
}
