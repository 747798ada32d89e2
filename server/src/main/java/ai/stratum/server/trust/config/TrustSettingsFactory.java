package ai.stratum.server.trust.config;

import ai.stratum.server.signals.health.TrustSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The server-wide trust settings, read once from the {@code TRUST_*} environment variables; a bad value stops the start. */
@Factory
class TrustSettingsFactory {

    @Singleton
    @Named("server")
    TrustSettings serverTrustSettings() {
        return TrustSettings.fromEnvironment(System.getenv());
    }
}
