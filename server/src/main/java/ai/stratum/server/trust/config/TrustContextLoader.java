package ai.stratum.server.trust.config;

import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** Loads a tenant's {@link TrustContext} inside the caller's transaction. */
@Singleton
public class TrustContextLoader {

    private final TrustSettingsService settings;
    private final FeatureFlagService flags;
    private final TrustGateConfigService gate;
    private final AutopilotFreezeRepository freezes;

    public TrustContextLoader(TrustSettingsService settings, FeatureFlagService flags, TrustGateConfigService gate,
                              AutopilotFreezeRepository freezes) {
        this.settings = settings;
        this.flags = flags;
        this.gate = gate;
        this.freezes = freezes;
    }

    public Mono<TrustContext> load(Connection connection, TenantId tenant) {
        // one after another: a connection runs one statement at a time
        return settings.settings(connection, tenant)
                .flatMap(trustSettings -> flags.flags(connection, tenant)
                        .flatMap(featureFlags -> gate.config(connection, tenant)
                                .flatMap(gateConfig -> freezes.current(connection, tenant)
                                        .map(freeze -> new TrustContext(trustSettings, featureFlags, gateConfig, freeze)))));
    }
}
