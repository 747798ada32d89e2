package ai.stratum.server.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

@Factory
public class ConfigFactory {

    /** {@code stratum.home} (from {@code STRATUM_HOME}) or {@code ~/.stratum}. */
    @Singleton
    StratumHome stratumHome(@Nullable @Value("${stratum.home:}") String configured) {
        Map<String, String> env = new HashMap<>();
        if (configured != null) {
            env.put("STRATUM_HOME", configured);
        }
        return StratumHome.from(env);
    }
}
