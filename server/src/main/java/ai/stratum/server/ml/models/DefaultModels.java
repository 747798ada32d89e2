package ai.stratum.server.ml.models;

import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The default models the server was built with: {@code ml/defaults/<type>.model} (a {@link ModelArtifact})
 * and {@code ml/defaults/<type>.properties} (its training rows, test metrics and training time) on the
 * class path. The build trains them (see {@code docs/model-quality.md}); a build that skipped its test
 * sources (such as {@code -Dmaven.test.skip}) has none, and then tenants without a model of their own
 * get UNAVAILABLE. Loaded once, at start.
 */
@Singleton
public class DefaultModels {

    /** Where the build puts them on the class path. */
    public static final String DIRECTORY = "ml/defaults/";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultModels.class);

    private final Map<ModelType, TrainedModel> models = new EnumMap<>(ModelType.class);

    public DefaultModels() {
        this(DefaultModels.class.getClassLoader());
    }

    DefaultModels(ClassLoader classLoader) {
        for (ModelType type : ModelType.values()) {
            load(classLoader, type).ifPresentOrElse(model -> {
                models.put(type, model);
                LOG.info("event=default_model_loaded type={} revision={} trainingRows={}", type,
                        model.info().revision(), model.info().trainingRows());
            }, () -> LOG.warn("event=default_model_missing type={} resource={}{}.model", type, DIRECTORY, name(type)));
        }
    }

    /** @return the default model of a type, if this build has one */
    public Optional<TrainedModel> get(ModelType type) {
        return Optional.ofNullable(models.get(type));
    }

    static Optional<TrainedModel> load(ClassLoader classLoader, ModelType type) {
        byte[] artifact = read(classLoader, DIRECTORY + name(type) + ".model");
        byte[] card = read(classLoader, DIRECTORY + name(type) + ".properties");
        if (artifact == null || card == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(card, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ModelInfo info = new ModelInfo(type, ModelScope.DEFAULT, 0, true, ModelInfo.revisionOf(artifact),
                ModelMetrics.fromJson(properties.getProperty("metrics")),
                Integer.parseInt(properties.getProperty("trainingRows")),
                Integer.parseInt(properties.getProperty("testRows")), ModelSource.BUILD, Optional.empty(),
                Instant.parse(properties.getProperty("trainedAt")));
        return Optional.of(TrainedModel.of(info, ModelArtifact.fromBytes(artifact)));
    }

    /** @return the resource name of a type's files, such as {@code roas} */
    public static String name(ModelType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
