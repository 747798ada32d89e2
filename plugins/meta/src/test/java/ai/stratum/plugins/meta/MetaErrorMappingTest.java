package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_USD;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.fixture;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.Fixtures;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.testkit.WireResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a Meta answer can fail, through a campaign read (the mapping is shared by every call). */
class MetaErrorMappingTest {

    private static final String CAMPAIGNS = ACCOUNT + "/campaigns";
    /** The headers shared/fixtures/manifest.json gives the rate-limit fixtures. */
    private static final String BUC_USAGE = "{\"102938475610293\":[{\"type\":\"ads_insights\",\"call_count\":100,"
            + "\"total_cputime\":38,\"total_time\":52,\"estimated_time_to_regain_access\":5,"
            + "\"ads_api_access_tier\":\"standard_access\"}]}";
    private static final String APP_USAGE = "{\"call_count\":100,\"total_cputime\":12,\"total_time\":41}";

    private final MetaWire meta = new MetaWire();
    private final MetaSignalCollector collector = new MetaSignalCollector();

    @BeforeEach
    void serveTheAccount() {
        meta.account(ACCOUNT_USD);
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    static Stream<Arguments> errorFixtures() {
        return Stream.of(
                Arguments.of("meta/error.17-user-request-limit.json", 400,
                        Map.of("x-business-use-case-usage", BUC_USAGE), Failure.RATE_LIMITED, Duration.ofMinutes(5), null),
                Arguments.of("meta/error.4-application-request-limit.json", 400,
                        Map.of("x-app-usage", APP_USAGE), Failure.RATE_LIMITED, GraphErrors.DEFAULT_WAIT, null),
                Arguments.of("meta/error.4-application-request-limit.json", 403,
                        Map.of("x-app-usage", APP_USAGE), Failure.RATE_LIMITED, GraphErrors.DEFAULT_WAIT, null),
                Arguments.of("meta/error.190-token-expired.json", 400, Map.of(), Failure.TOKEN_EXPIRED, null, null),
                Arguments.of("meta/error.190-token-invalidated.json", 400, Map.of(), Failure.NEEDS_REAUTH, null, null),
                Arguments.of("meta/error.100-invalid-parameter.json", 400, Map.of(), Failure.REJECTED, null, "100"));
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) -> {3}")
    @MethodSource("errorFixtures")
    void mapsEachErrorFixtureToTheFailureTheHostReactsTo(String fixture, int status, Map<String, String> headers,
            Failure expected, Duration retryAfter, String platformCode) {
        WireResponse response = WireResponse.json(status, Fixtures.read(fixture));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        meta.server.on("GET", CAMPAIGNS).respond(response);

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(expected);
        assertThat(failure.retryAfter()).isEqualTo(Optional.ofNullable(retryAfter));
        assertThat(failure.platformCode()).isEqualTo(Optional.ofNullable(platformCode));
    }

    @Test
    void passesMetasOwnMessageWhenTheTokenWasInvalidated() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, Fixtures.read("meta/error.190-token-invalidated.json")));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.getMessage()).isEqualTo("Error validating access token: The session has been invalidated "
                + "because the user changed their password or Facebook has changed the session for security reasons.");
    }

    @Test
    void namesTheCodeSubcodeAndTraceOfARateLimit() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, Fixtures.read("meta/error.17-user-request-limit.json")));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.getMessage()).contains("17/2446079", "User request limit reached", "AWm3pXq9Zt1kQe0N7bYc2rF");
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {4, 17, 32, 613, 80000, 80004, 80014})
    void treatsEveryDocumentedThrottlingCodeAsARateLimit(int code) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(code, null, "throttled")));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).failure()).isEqualTo(Failure.RATE_LIMITED);
    }

    @Test
    void waitsWhatTheAdAccountUsageHeaderNamesInSeconds() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(613, 1487742, "too many calls"))
                .withHeader("x-ad-account-usage", "{\"acc_id_util_pct\":100,\"reset_time_duration\":90,"
                        + "\"ads_api_access_tier\":\"standard_access\"}"));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).retryAfter())
                .contains(Duration.ofSeconds(90));
    }

    @Test
    void waitsTheLongestOfTheWaitsTheHeadersName() {
        String usage = "{\"1\":[{\"type\":\"ads_management\",\"estimated_time_to_regain_access\":2}],"
                + "\"2\":[{\"type\":\"ads_insights\",\"estimated_time_to_regain_access\":12}]}";
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(80000, null, "too many calls"))
                .withHeader("X-Business-Use-Case-Usage", usage)
                .withHeader("x-ad-account-usage", "{\"reset_time_duration\":30}"));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).retryAfter())
                .contains(Duration.ofMinutes(12));
    }

    @Test
    void fallsBackToTheDefaultWaitWhenTheUsageHeaderIsNotJson() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(17, 2446079, "limit"))
                .withHeader("x-business-use-case-usage", "{not json"));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).retryAfter())
                .contains(GraphErrors.DEFAULT_WAIT);
    }

    @Test
    void treatsATooManyRequestsAnswerTheHostHandsOverAsARateLimitWithTheHeadersWait() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(429,
                Fixtures.read("meta/error.17-user-request-limit.json")).withHeader("x-business-use-case-usage", BUC_USAGE));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(5));
        assertThat(failure.getMessage()).contains("User request limit reached");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", "<html>slow down</html>", "{\"error\":{\"message\":\"(#100) odd\",\"code\":100}}"})
    void treatsEveryTooManyRequestsAnswerAsARateLimitWhateverItsBody(String body) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.of(429, body));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(GraphErrors.DEFAULT_WAIT);
    }

    @ParameterizedTest(name = "190/{0}")
    @ValueSource(ints = {458, 459, 460, 464, 467, 492})
    void needsANewLoginForEveryTokenErrorButExpiry(int subcode) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(190, subcode, "bad token")));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).failure()).isEqualTo(Failure.NEEDS_REAUTH);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {10, 200, 294})
    void needsANewLoginWhenAPermissionIsMissing(int code) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(403, graphError(code, null, "(#" + code + ") permission")));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(failure.getMessage()).isEqualTo("(#" + code + ") permission");
    }

    @Test
    void needsANewLoginWhenTheConnectionHasNoTokenAndSendsNothing() {
        ConnectorException failure = failure(collector.campaigns(meta.context(Credentials.none()), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.NEEDS_REAUTH);
        assertThat(meta.server.requests()).isEmpty();
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1, 2})
    void treatsMetasTemporaryErrorsAsTransient(int code) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400, graphError(code, null, "try again")));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).failure()).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void treatsAnErrorMarkedTransientAsTransient() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(400,
                "{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":\"OAuthException\","
                        + "\"code\":99,\"is_transient\":true,\"fbtrace_id\":\"x\"}}"));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).failure()).isEqualTo(Failure.TRANSIENT);
    }

    @Test
    void letsTheHostRetryAServerErrorAndReadsTheAnswerThatFollows() {
        meta.server.once("GET", CAMPAIGNS).respond(WireResponse.json(500, "{}"));
        meta.server.on("GET", CAMPAIGNS).respond(fixture("meta/campaigns.list.json"));

        assertThat(join(collector.campaigns(meta.context(), ACCOUNT_ID, null)).items()).hasSize(4);
        assertThat(meta.requests("GET", CAMPAIGNS)).hasSize(2);
    }

    @Test
    void failsAsTransientWhenServerErrorsOutlastTheHostsRetries() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(503, "{}"));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(meta.requests("GET", CAMPAIGNS)).hasSize(1 + TestContexts.TEST_POLICY.maxRetries());
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"not json", "[]", "{\"data\":{}}", "{\"paging\":{}}", "", "{\"data\":[{\"id\":\"1\"}]}"})
    void failsAsMalformedAndReturnsNothingWhenTheBodyIsNotACampaignList(String body) {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.of(200, body));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedOnAClientErrorWithoutAGraphErrorEnvelope() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.of(404, "<html>Not Found</html>"));

        ConnectorException failure = failure(collector.campaigns(meta.context(), ACCOUNT_ID, null));

        assertThat(failure.failure()).isEqualTo(Failure.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).contains("HTTP 404");
    }

    @Test
    void readsAGraphErrorEvenInASuccessfulAnswer() {
        meta.server.on("GET", CAMPAIGNS).respond(WireResponse.json(200, Fixtures.read("meta/error.100-invalid-parameter.json")));

        assertThat(failure(collector.campaigns(meta.context(), ACCOUNT_ID, null)).failure()).isEqualTo(Failure.REJECTED);
    }

    static String graphError(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbC\"}}";
    }
}
