package ai.stratum.server.ml.inference;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
/**
 * {@code ML_PROVIDER}: {@value #LOCAL} (the default) or {@value #VERTEX}. Checked when the server
 * starts, so a misspelt provider stops it with a message rather than silently serving local models.
 */
@Context
public class MlProvider {

    public static final String PROPERTY = "stratum.ml.provider";
    public static final String LOCAL = "local";
    public static final String VERTEX = "vertex";

    private final String provider;

    public MlProvider(@Value("${" + PROPERTY + ":" + LOCAL + "}") String provider) {
        String normalized = provider == null || provider.isBlank() ? LOCAL : provider.strip();
        if (!normalized.equals(LOCAL) && !normalized.equals(VERTEX)) {
            throw new IllegalArgumentException("ML_PROVIDER must be 'local' or 'vertex', was '" + provider + "'");
        }
        this.provider = normalized;
    }

    /** @return {@value #LOCAL} or {@value #VERTEX} */
    public String name() {
        return provider;
    }
}
