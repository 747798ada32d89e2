package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Executes an action on a connected account through the platform plugin's {@link ActionExecutor},
 * with that connection's credentials and under the same call policy as a sync (refresh once on an
 * expired token, bounded rate-limit waits, NEEDS_REAUTH on refused credentials). Only the action
 * types the plugin's descriptor lists are sent.
 */
@Singleton
public class ConnectorActions {

    private final PluginLookup plugins;
    private final PluginCaller caller;
    private final CredentialStore credentials;

    ConnectorActions(PluginLookup plugins, PluginCaller caller, CredentialStore credentials) {
        this.plugins = plugins;
        this.caller = caller;
        this.credentials = credentials;
    }

    /**
     * @param connection the ACTIVE connection of the action's account
     * @param request    the action, cleared by the trust gate
     * @return the platform's answer, or an error that is always a {@link ConnectorCallException}
     */
    public Mono<ActionResult> execute(AccountConnection connection, ActionRequest request) {
        return Mono.defer(() -> {
            PluginLookup.Found<ActionExecutor> executor = plugins.require(connection.platform(), ActionExecutor.class);
            if (!executor.descriptor().supports(request.type())) {
                return Mono.error(new ConnectorCallException(CallFailure.REJECTED, "The " + executor.descriptor().connectorId()
                        + " plugin does not execute " + request.type() + " on " + connection.platform()));
            }
            return credentials.open(connection)
                    .flatMap(session -> caller.call(session, ActionExecutor.class, "executing " + request.type(),
                            (plugin, context) -> plugin.execute(context, request)))
                    .flatMap(result -> result.idempotencyKey().equals(request.idempotencyKey())
                            ? Mono.just(result)
                            : Mono.error(new ConnectorCallException(CallFailure.PLUGIN_ERROR, "The " + executor.descriptor().connectorId()
                            + " plugin answered " + request.type() + " with another action's idempotency key")));
        });
    }
}
