package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.server.plugins.PluginRegistry;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Executes through the platform plugin's {@link ActionExecutor}. A platform call needs the
 * account's connection (credentials, base URL, rate limits), which the connectors feature
 * provides; until an account is connected, its actions fail with that reason rather than
 * pretending to run.
 */
@Singleton
class PluginActionDispatcher implements ActionDispatcher {

    private final PluginRegistry plugins;

    PluginActionDispatcher(PluginRegistry plugins) {
        this.plugins = plugins;
    }

    @Override
    public Mono<Outcome> dispatch(TenantId tenant, StoredAction action) {
        if (action.actionType().executable().isEmpty()) {
            return Mono.just(new Outcome.Failed(action.actionType() + " has no platform action a plugin can carry out"));
        }
        if (plugins.extensions(action.platform(), ActionExecutor.class).isEmpty()) {
            return Mono.just(new Outcome.Failed("No installed plugin executes " + action.platform() + " actions (no ActionExecutor)"));
        }
        return Mono.just(new Outcome.Failed("Account " + action.accountId() + " on " + action.platform()
                + " has no connection to execute with; connect the account first"));
    }
}
