package ai.stratum.server.connectors;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.api.Platform;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Customer-list audiences on a connected account, through the platform plugin's {@link AudienceSync},
 * with that connection's credentials and under the same call policy as a sync: refresh once on an
 * expired token, bounded rate-limit waits, NEEDS_REAUTH on refused credentials. Only hashes ever
 * reach the plugin ({@link AudienceUpdate} refuses anything else).
 */
@Singleton
public class ConnectorAudiences {

    private final PluginLookup plugins;
    private final PluginCaller caller;
    private final CredentialStore credentials;

    ConnectorAudiences(PluginLookup plugins, PluginCaller caller, CredentialStore credentials) {
        this.plugins = plugins;
        this.caller = caller;
        this.credentials = credentials;
    }

    /** @return whether an installed plugin keeps audiences on the platform */
    public boolean supports(Platform platform) {
        return plugins.find(platform, AudienceSync.class).isPresent();
    }

    /** @return the platform's id of the new audience, or an error that is always a {@link ConnectorCallException} */
    public Mono<String> create(AccountConnection connection, NewAudience audience) {
        return call(connection, "creating the audience " + audience.name(), (plugin, context) -> plugin.createAudience(context, audience));
    }

    /** @return what the platform accepted, or an error that is always a {@link ConnectorCallException} */
    public Mono<AudienceUpdateResult> update(AccountConnection connection, AudienceUpdate update) {
        return call(connection, "updating audience " + update.audienceId(), (plugin, context) -> plugin.update(context, update));
    }

    /** @return the platform's match figures, or an error that is always a {@link ConnectorCallException} */
    public Mono<AudienceMatch> match(AccountConnection connection, String audienceId) {
        return call(connection, "reading the match of audience " + audienceId,
                (plugin, context) -> plugin.match(context, connection.accountId(), audienceId));
    }

    private <T> Mono<T> call(AccountConnection connection, String what,
                             BiFunction<AudienceSync, ConnectorContext, CompletionStage<T>> body) {
        return credentials.open(connection).flatMap(session -> caller.call(session, AudienceSync.class, what, body));
    }
}
