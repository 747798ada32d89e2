package ai.stratum.sandbox.google;

import ai.stratum.sandbox.platform.Fault;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleFaultsTest {

    private static final String SETTINGS = "SELECT customer.currency_code, customer.time_zone FROM customer";
    private static final String BUDGETS = "/v26/customers/" + GoogleApi.CUSTOMER + "/campaignBudgets:mutate";

    private final GoogleApi google = new GoogleApi();

    @AfterEach
    void close() {
        google.close();
    }

    @Test
    void answersARateLimitWith429AndTheRetryDelayInTheBodyOnly() {
        google.state().faults().inject(new Fault.RateLimit(Duration.ofMinutes(10)));

        HttpResponse<String> response = google.post(BUDGETS, "{}");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.RESOURCE_EXHAUSTED), body);
        JsonNode error = body.path("error").path("details").path(0).path("errors").path(0);
        assertThat(error.path("errorCode").path("quotaError").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(error.path("details").path("quotaErrorDetails").path("retryDelay").asText()).isEqualTo("600s");
    }

    @Test
    void wrapsTheRateLimitOfAStreamInAnArrayLikeTheFixture() {
        google.state().faults().inject(new Fault.RateLimit(Duration.ofMillis(1500)));

        HttpResponse<String> response = google.search(SETTINGS);

        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.STREAM_RESOURCE_EXHAUSTED), body);
        assertThat(body.get(0).path("error").path("details").path(0).path("errors").path(0).path("details")
                .path("quotaErrorDetails").path("retryDelay").asText()).isEqualTo("2s");
    }

    @Test
    void answersAnExpiredTokenLikeTheFixture() {
        google.state().faults().inject(new Fault.TokenExpired());

        HttpResponse<String> response = google.post(BUDGETS, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.ACCESS_TOKEN_EXPIRED), body);
        assertThat(body.path("error").path("details").path(0).path("metadata").path("method").asText())
                .isEqualTo("google.ads.googleads.v26.services.CampaignBudgetService.MutateCampaignBudgets");
        assertThat(google.search(SETTINGS).statusCode()).as("the token stays expired").isEqualTo(401);
    }

    @Test
    void answersARevokedTokenWithAnAuthenticationErrorInTheAdsFailureShape() {
        google.state().faults().inject(new Fault.TokenRevoked());

        HttpResponse<String> response = google.post(BUDGETS, "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = GoogleApi.json(response.body());
        JsonShape.assertSameShape(GoogleApi.json(GoogleFixtures.NOT_ADS_USER), body);
        assertThat(body.path("error").path("details").path(0).path("errors").path(0).path("errorCode")
                .path("authenticationError").asText()).isEqualTo("OAUTH_TOKEN_REVOKED");
    }

    @Test
    void answersARequestWithoutATokenAsMissingCredentials() {
        HttpResponse<String> response = google.send(HttpRequest.newBuilder(google.base().resolve(BUDGETS))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("CREDENTIALS_MISSING");
    }

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({"500, INTERNAL", "503, UNAVAILABLE", "504, DEADLINE_EXCEEDED"})
    void answersServerErrorsWithGooglesStatus(int status, String canonical) {
        google.state().faults().inject(new Fault.ServerError(status));

        HttpResponse<String> response = google.search(SETTINGS);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(GoogleApi.json(response.body()).get(0).path("error").path("status").asText()).isEqualTo(canonical);
        assertThat(google.search(SETTINGS).statusCode()).as("only the next request").isEqualTo(200);
    }

    @Test
    void answersA502WithTheFrontEndsHtmlPage() {
        google.state().faults().inject(new Fault.ServerError(502));

        HttpResponse<String> response = google.search(SETTINGS);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void answersAMalformedFaultWithA200ThatIsNotJson() {
        google.state().faults().inject(new Fault.Malformed());

        HttpResponse<String> response = google.search(SETTINGS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[{\"results\":[");
        assertThatThrownBy(() -> GoogleApi.json(response.body())).isInstanceOf(AssertionError.class);
    }

    @Test
    void answersAPathTheApiDoesNotHaveWithTheFrontEnds404Page() {
        HttpResponse<String> wrongVersion = google.post("/v19/customers/" + GoogleApi.CUSTOMER + "/googleAds:searchStream", "{}");
        HttpResponse<String> wrongMethod = google.post("/v26/customers/" + GoogleApi.CUSTOMER + "/ads:mutate", "{}");

        assertThat(wrongVersion.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongVersion.body()).contains("Error 404 (Not Found)");
    }

    @Test
    void refusesACustomerIdWithDashesAndOneTheUserCannotAccess() {
        HttpResponse<String> dashed = google.post("/v26/customers/123-456-7890/googleAds:searchStream",
                "{\"query\":\"" + SETTINGS + "\"}");
        HttpResponse<String> stranger = google.post("/v26/customers/9999999999/googleAds:searchStream",
                "{\"query\":\"" + SETTINGS + "\"}");

        assertThat(dashed.statusCode()).isEqualTo(400);
        assertThat(dashed.body()).contains("\"requestError\":\"INVALID_CUSTOMER_ID\"");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("\"authorizationError\":\"USER_PERMISSION_DENIED\"");
    }

    @Test
    void refusesABodyThatIsNotJsonAsAnInvalidPayload() {
        HttpResponse<String> response = google.post(BUDGETS, "{\"operations\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(GoogleApi.json(response.body()).path("error").path("message").asText())
                .startsWith("Invalid JSON payload received.");
    }
}
