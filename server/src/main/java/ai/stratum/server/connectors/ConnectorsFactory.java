package ai.stratum.server.connectors;

import ai.stratum.connector.host.HttpTransports;
import ai.stratum.connector.host.TransportPolicy;
import ai.stratum.server.config.StratumHome;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * The connectors feature's settings and shared machinery. Settings are {@link Context} beans, so a
 * bad {@code STRATUM_SECRET_KEY}, base URL or interval stops the server at start, naming the
 * variable, rather than failing the first sync.
 */
@Factory
class ConnectorsFactory {

    @Context
    CredentialCipher credentialCipher(@Nullable @Value("${stratum.secret-key:}") String configured, StratumHome home) {
        return new CredentialCipher(CredentialKey.resolve(configured, home));
    }

    @Context
    ConnectorSettings connectorSettings(Environment environment,
                                        @Value("${stratum.connectors.max-rate-limit-wait:5m}") Duration maxRateLimitWait,
                                        @Value("${stratum.connectors.rate-limit-retries:3}") int rateLimitRetries,
                                        @Value("${stratum.connectors.call-timeout:5m}") Duration callTimeout) {
        return ConnectorSettings.read(name -> environment.getProperty(name, String.class), maxRateLimitWait, rateLimitRetries,
                callTimeout);
    }

    @Context
    SyncSettings syncSettings(@Value("${stratum.sync.interval:30m}") Duration interval,
                              @Value("${stratum.sync.lookback-days:28}") int lookbackDays) {
        return new SyncSettings(interval, lookbackDays);
    }

    /**
     * The host transport's production policy ({@link TransportPolicy#defaults()}), sending at most
     * {@code STRATUM_CONNECTOR_REQUESTS_PER_SECOND} requests a second for one account.
     */
    @Singleton
    TransportPolicy transportPolicy(@Value("${stratum.connectors.requests-per-second:20}") int requestsPerSecond) {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("STRATUM_CONNECTOR_REQUESTS_PER_SECOND must be at least 1 (was " + requestsPerSecond + ")");
        }
        return TransportPolicy.defaults().withRequestsPerSecond(requestsPerSecond);
    }

    /**
     * One transport factory per server. Its HTTP client runs on the {@code connector-io} pool, a
     * bounded pool of its own: never a Netty event loop, and not the pool plugin calls run on, so a
     * plugin that blocks on a response cannot starve the thread that would deliver it.
     */
    @Singleton
    @Bean(preDestroy = "close")
    HttpTransports httpTransports(TransportPolicy policy, @Named("connector-io") ExecutorService io, Clock clock) {
        return new HttpTransports(policy, io, clock);
    }
}
