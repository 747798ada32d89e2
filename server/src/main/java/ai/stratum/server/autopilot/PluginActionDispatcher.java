package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.server.connectors.AccountConnection;
import ai.stratum.server.connectors.ConnectionService;
import ai.stratum.server.connectors.ConnectionStatus;
import ai.stratum.server.connectors.ConnectorActions;
import ai.stratum.server.connectors.ConnectorCallException;
import ai.stratum.server.plugins.PluginRegistry;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executes through the platform plugin's {@link ActionExecutor}, with the account's connection: its
 * credentials, the platform's base URL, its rate limits. The platform's responses become the
 * action's result. An account that is not connected, or whose connection is not ACTIVE, fails the
 * action with that reason rather than pretending to run it.
 */
@Singleton
class PluginActionDispatcher implements ActionDispatcher {

    private final PluginRegistry plugins;
    private final ConnectionService connections;
    private final ActionTargets targets;
    private final ConnectorActions actions;

    PluginActionDispatcher(PluginRegistry plugins, ConnectionService connections, ActionTargets targets, ConnectorActions actions) {
        this.plugins = plugins;
        this.connections = connections;
        this.targets = targets;
        this.actions = actions;
    }

    @Override
    public Mono<Outcome> dispatch(TenantId tenant, StoredAction action) {
        if (action.actionType().executable().isEmpty()) {
            return Mono.just(new Outcome.Failed(action.actionType() + " has no platform action a plugin can carry out"));
        }
        if (plugins.extensions(action.platform(), ActionExecutor.class).isEmpty()) {
            return Mono.just(new Outcome.Failed("No installed plugin executes " + action.platform() + " actions (no ActionExecutor)"));
        }
        return connections.forAccount(tenant, action.platform(), action.accountId())
                .flatMap(connection -> connection.status() == ConnectionStatus.ACTIVE
                        ? execute(tenant, action, connection)
                        : Mono.just(new Outcome.Failed(inactive(connection))))
                .defaultIfEmpty(new Outcome.Failed("Account " + action.accountId() + " on " + action.platform()
                        + " has no connection to execute with; connect the account first"));
    }

    private Mono<Outcome> execute(TenantId tenant, StoredAction action, AccountConnection connection) {
        return targets.of(tenant, action)
                .flatMap(target -> {
                    ActionRequests.Translation translation = ActionRequests.of(action, target);
                    if (translation instanceof ActionRequests.Translation.Refused refused) {
                        return Mono.<Outcome>just(new Outcome.Failed(refused.reason()));
                    }
                    return actions.execute(connection, ((ActionRequests.Translation.Request) translation).request())
                            .<Outcome>map(result -> new Outcome.Done(stored(result)))
                            .onErrorResume(ConnectorCallException.class, failure -> Mono.just(new Outcome.Failed(failure.getMessage())));
                });
    }

    /** The platform's answer as the action's result: the raw responses, in the order the calls were made. */
    private static Map<String, Object> stored(ActionResult result) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("idempotencyKey", result.idempotencyKey());
        stored.put("completedAt", result.completedAt().toString());
        stored.put("platformResponses", result.rawResponses());
        return stored;
    }

    private static String inactive(AccountConnection connection) {
        String base = "Account " + connection.accountId() + " on " + connection.platform() + " cannot execute: its connection is "
                + connection.status();
        return switch (connection.status()) {
            case NEEDS_REAUTH -> base + "; reconnect it (" + connection.lastError() + ")";
            case PAUSED -> base + "; resume it first";
            default -> base + (connection.lastError() == null ? "" : " (" + connection.lastError() + ")");
        };
    }
}
