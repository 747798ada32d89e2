package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorExtension;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.OAuthProvider;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * Calls a platform plugin's extension on behalf of a connection, under the host's policy: on the
 * {@code connector-calls} pool (plugin code may block; never an event loop), within the call
 * timeout, with the connection's own credentials only. An expired token is refreshed through the
 * platform's {@link OAuthProvider}, stored sealed, and the call made once more; a rate limit is
 * waited out within bounds; credentials the platform refuses mark the connection NEEDS_REAUTH.
 * Whatever a plugin throws ends as a {@link ConnectorCallException} with a message for people;
 * nothing a plugin does can crash the caller.
 */
@Singleton
class PluginCaller {

    private final PluginLookup plugins;
    private final ConnectorContexts contexts;
    private final CredentialStore credentials;
    private final CallPolicy policy;
    private final ExecutorService calls;
    private final Duration callTimeout;

    PluginCaller(PluginLookup plugins, ConnectorContexts contexts, CredentialStore credentials, ConnectorSettings settings,
                 @Named("connector-calls") ExecutorService calls) {
        this.plugins = plugins;
        this.contexts = contexts;
        this.credentials = credentials;
        this.calls = calls;
        this.callTimeout = settings.callTimeout();
        this.policy = new CallPolicy(settings.maxRateLimitWait(), settings.rateLimitRetries(), settings.callTimeout(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Calls an extension for a connection.
     *
     * @param session the connection and its current credentials
     * @param type    the extension point
     * @param what    what the call does, for messages, for example {@code reading campaigns}
     * @param body    the call
     * @return the result, or an error that is always a {@link ConnectorCallException}
     */
    <E extends ConnectorExtension, T> Mono<T> call(ConnectionSession session, Class<E> type, String what,
                                                   BiFunction<E, ConnectorContext, CompletionStage<T>> body) {
        return Mono.defer(() -> {
            PluginLookup.Found<E> found = plugins.require(session.connection().platform(), type);
            return attempt(session, found, what, body, CallPolicy.Attempts.FIRST);
        }).onErrorMap(failure -> !(failure instanceof ConnectorCallException),
                failure -> policy.failureOf(failure, description(session, what, "plugin")));
    }

    /**
     * Calls the platform's OAuthProvider before there is a connection: its context holds the
     * platform client's credentials only. No refresh, no waits: a person is waiting on the answer.
     */
    <T> Mono<T> callOAuth(TenantId tenant, Platform platform, String what,
                          BiFunction<OAuthProvider, ConnectorContext, CompletionStage<T>> body) {
        return Mono.defer(() -> {
            PluginLookup.Found<OAuthProvider> found = plugins.require(platform, OAuthProvider.class);
            CallDescription call = new CallDescription(platform, found.descriptor().connectorId(), what,
                    contexts.redactor(platform, Credentials.none()));
            return invoke(found.extension(), contexts.forClient(tenant, platform, found.descriptor()), body)
                    .onErrorMap(failure -> policy.failureOf(failure, call));
        });
    }

    private <E extends ConnectorExtension, T> Mono<T> attempt(ConnectionSession session, PluginLookup.Found<E> found, String what,
                                                              BiFunction<E, ConnectorContext, CompletionStage<T>> body,
                                                              CallPolicy.Attempts attempts) {
        // deferred: each attempt builds its context when it runs, with the credentials as they are then
        return Mono.defer(() -> {
            CallDescription call = description(session, what, found.descriptor().connectorId());
            return invoke(found.extension(), contexts.forConnection(session, found.descriptor()), body)
                    .onErrorResume(failure -> {
                        CallStep step = policy.next(failure, attempts, call);
                        if (step instanceof CallStep.Retry retry) {
                            return Mono.delay(retry.delay()).then(attempt(session, found, what, body, attempts.afterWait()));
                        }
                        if (step instanceof CallStep.Refresh) {
                            return refresh(session)
                                    .onErrorResume(ConnectorCallException.class, refreshFailed -> failed(session, refreshFailed))
                                    .then(attempt(session, found, what, body, attempts.afterRefresh()));
                        }
                        return failed(session, ((CallStep.Fail) step).failure());
                    });
        });
    }

    /**
     * Brings the session a token that has not expired: one another sync or instance already stored,
     * or a new one from the platform's OAuthProvider, stored sealed before it is used.
     */
    private Mono<Void> refresh(ConnectionSession session) {
        AccountConnection connection = session.connection();
        return credentials.load(connection.tenant(), connection.id())
                .switchIfEmpty(Mono.error(() -> new ConnectorCallException(CallFailure.NEEDS_REAUTH,
                        "The connection was disconnected while its token was being refreshed")))
                .flatMap(stored -> {
                    if (!stored.equals(session.credentials())) {
                        session.replace(stored);
                        return Mono.<Void>empty();
                    }
                    PluginLookup.Found<OAuthProvider> provider = plugins.find(connection.platform(), OAuthProvider.class)
                            .orElseThrow(() -> new ConnectorCallException(CallFailure.NEEDS_REAUTH, "The access token expired and "
                                    + "no installed plugin can refresh " + connection.platform() + " tokens (no OAuthProvider); "
                                    + "reconnect the account"));
                    CallDescription call = description(session, "refreshing the access token", provider.descriptor().connectorId());
                    return invoke(provider.extension(), contexts.forConnection(session, provider.descriptor()), OAuthProvider::refresh)
                            .onErrorMap(failure -> policy.failureOf(failure, call))
                            .map(ConnectorContexts::storable)
                            .flatMap(fresh -> {
                                if (fresh.get(Credentials.ACCESS_TOKEN).isEmpty()) {
                                    return Mono.error(new ConnectorCallException(CallFailure.PLUGIN_ERROR, "The "
                                            + provider.descriptor().connectorId() + " plugin's refresh returned no access token"));
                                }
                                return credentials.replace(connection.tenant(), connection.id(), fresh)
                                        .then(Mono.fromRunnable(() -> session.replace(fresh)));
                            });
                })
                .then();
    }

    private <T> Mono<T> failed(ConnectionSession session, ConnectorCallException failure) {
        if (failure.failure() == CallFailure.NEEDS_REAUTH) {
            return credentials.needsReauth(session.connection(), failure.platformMessage()).then(Mono.error(failure));
        }
        return Mono.error(failure);
    }

    /**
     * Runs plugin code on the calls pool and bridges its stage, whatever kind it is, into a Mono
     * bounded by the call timeout. A null stage or result is the plugin's contract broken.
     */
    private <E, T> Mono<T> invoke(E extension, ConnectorContext context, BiFunction<E, ConnectorContext, CompletionStage<T>> body) {
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> body.apply(extension, context), calls)
                        .thenCompose(stage -> {
                            CompletableFuture<T> result = new CompletableFuture<>();
                            if (stage == null) {
                                result.completeExceptionally(new IllegalStateException("returned no CompletionStage"));
                                return result;
                            }
                            stage.whenComplete((value, error) -> {
                                if (error != null) {
                                    result.completeExceptionally(error);
                                } else if (value == null) {
                                    result.completeExceptionally(new IllegalStateException("completed with null"));
                                } else {
                                    result.complete(value);
                                }
                            });
                            return result;
                        }))
                .timeout(callTimeout);
    }

    private CallDescription description(ConnectionSession session, String what, String connector) {
        Platform platform = session.connection().platform();
        return new CallDescription(platform, connector, what, contexts.redactor(platform, session.credentials()));
    }
}
