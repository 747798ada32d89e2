package ai.stratum.connector.host;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import ai.stratum.plugin.api.Telemetry;
import dev.failsafe.Failsafe;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One account's transport: sends through the shared client under the account's rate limit, and
 * absorbs what {@link HttpTransport} promises to absorb — timeouts, connection failures and 5xx
 * answers of repeatable requests, and 429 answers — with bounded, jittered retries. A 429 that
 * names its wait in {@code Retry-After} is waited out for that long plus up to the jitter share
 * more (never less, or the retry would be refused again); when the wait is longer than the policy
 * allows, or the retries run out, the caller gets {@link ConnectorException.Failure#RATE_LIMITED}
 * with the wait, to reschedule rather than hold a thread. A 429 without {@code Retry-After} is
 * retried with backoff, and when the retries run out it is handed to the plugin as a response:
 * platforms such as Google Ads say how long to wait in the body, which only the plugin reads.
 */
final class AccountTransport implements HttpTransport {

    private static final int TOO_MANY_REQUESTS = 429;

    private final HttpClient client;
    private final TransportPolicy policy;
    private final RateLimiter<Response> limiter;
    private final Clock clock;
    private final Telemetry telemetry;
    private final Map<String, String> tags;

    AccountTransport(HttpClient client, TransportPolicy policy, RateLimiter<Response> limiter, Clock clock,
                     Telemetry telemetry, String accountKey) {
        this.client = client;
        this.policy = policy;
        this.limiter = limiter;
        this.clock = clock;
        this.telemetry = telemetry;
        this.tags = Map.of("account", accountKey);
    }

    @Override
    public CompletionStage<Response> send(Request request) {
        RetryPolicy<Response> retry = RetryPolicy.<Response>builder()
                .handleIf((response, failure) -> isRetryable(request, response, failure))
                .abortIf(response -> response != null && response.status() == TOO_MANY_REQUESTS
                        && retryAfter(response).filter(wait -> wait.compareTo(policy.maxRetryAfter()) > 0).isPresent())
                .withDelayFn(context -> delayBefore(context.getAttemptCount(), context.getLastResult()))
                .withMaxRetries(policy.maxRetries())
                .onRetry(event -> telemetry.count("connector.http.retries", 1, tags))
                .build();
        return Failsafe.with(retry, limiter)
                .getStageAsync(() -> sendOnce(request))
                .handle((response, failure) -> outcome(request, response, failure));
    }

    private CompletableFuture<Response> sendOnce(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(policy.requestTimeout())
                .method(request.method(), request.body().isEmpty()
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Response(response.statusCode(), response.headers().map(), response.body()));
    }

    private static boolean isRetryable(Request request, Response response, Throwable failure) {
        if (failure != null) {
            return request.repeatable() && isNetworkFailure(failure);
        }
        // a 429 means the request was not processed, so even a non-repeatable one may be sent again
        return response.status() == TOO_MANY_REQUESTS || (request.repeatable() && response.status() >= 500);
    }

    private Duration delayBefore(int attemptsSoFar, Response lastResponse) {
        double jitter = policy.jitter();
        Optional<Duration> told = lastResponse == null ? Optional.empty() : retryAfter(lastResponse);
        if (told.isPresent()) {
            long millis = told.get().toMillis();
            return Duration.ofMillis(millis + (long) (millis * jitter * ThreadLocalRandom.current().nextDouble()));
        }
        long base = policy.initialBackoff().toMillis() << Math.min(20, Math.max(0, attemptsSoFar - 1));
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        double spread = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, (long) (capped * spread)));
    }

    private Optional<Duration> retryAfter(Response response) {
        return response.header("Retry-After").flatMap(value -> RetryAfter.parse(value, clock));
    }

    private Response outcome(Request request, Response response, Throwable failure) {
        if (failure != null) {
            throw toConnectorException(request, unwrap(failure));
        }
        if (response.status() == TOO_MANY_REQUESTS) {
            telemetry.count("connector.http.rate_limited", 1, tags);
            Optional<Duration> told = retryAfter(response);
            if (told.isEmpty()) {
                // the platform said how long to wait in its own way (a body field), which only the plugin can read
                return response;
            }
            throw ConnectorException.rateLimited("HTTP 429 from " + request.uri().getHost() + "; retry after "
                    + told.get(), told.get());
        }
        if (response.status() >= 500) {
            telemetry.count("connector.http.server_errors", 1, tags);
            throw ConnectorException.transientFailure("HTTP " + response.status() + " from " + request
                    + (request.repeatable() ? " after retries" : " (not retried: the request is not repeatable)"),
                    null);
        }
        return response;
    }

    private static ConnectorException toConnectorException(Request request, Throwable failure) {
        if (failure instanceof ConnectorException connectorException) {
            return connectorException;
        }
        if (failure instanceof RateLimitExceededException) {
            return ConnectorException.rateLimited("the account's request rate limit kept " + request
                    + " waiting too long", Duration.ofSeconds(1));
        }
        String what = isNetworkFailure(failure) ? "could not reach the platform" : "request failed";
        return ConnectorException.transientFailure(what + ": " + request + " (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")", failure);
    }

    private static boolean isNetworkFailure(Throwable failure) {
        return unwrap(failure) instanceof IOException;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
