package ai.stratum.server.ml.defaults;

import ai.stratum.server.ml.conversion.ConversionTrainer;
import ai.stratum.server.ml.conversion.ConversionTraining;
import ai.stratum.server.ml.models.DefaultModels;
import ai.stratum.server.ml.roas.RoasTrainer;
import ai.stratum.server.ml.roas.RoasTraining;
import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.TrainingProgress;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Trains the default models into the server's class path: run by the build (the {@code default-models}
 * execution in {@code server/pom.xml}, after the test classes compile), with the test class path, where
 * the generators of the training data ({@link DefaultTrainingData}) and the dataset are.
 *
 * <p>Training both takes seconds to tens of seconds, with the machine's load, so it is skipped when nothing
 * it depends on changed:
 * the SHA-256 of the ML and simulator classes, the dataset and the names (versions) of the libraries on
 * the class path is kept beside the models and compared first.
 *
 * <p>Usage: {@code DefaultModelBuilder <output directory> [--force]}.
 */
public final class DefaultModelBuilder {

    /**
     * XGBoost's threads for the default ROAS model: one. Measured on the shared 2-core machine, two threads
     * trained the 59,000 rows no faster when idle and up to ten times slower when other builds kept the
     * cores busy (each tree waits for every thread).
     */
    static final int THREADS = 1;

    private DefaultModelBuilder() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        boolean force = args.length > 1 && "--force".equals(args[1]);
        String fingerprint = BuildFingerprint.ofClassPath();
        Path stamp = out.resolve("fingerprint");
        if (!force && Files.exists(stamp) && Files.readString(stamp).strip().equals(fingerprint)
                && Files.exists(out.resolve("roas.model")) && Files.exists(out.resolve("conversion.model"))) {
            System.out.println("default models are up to date (" + fingerprint.substring(0, 16) + ")");
            return;
        }
        Files.createDirectories(out);
        long start = System.nanoTime();
        RoasTraining roas = new RoasTrainer(RoasTrainer.Settings.SEED.withThreads(THREADS))
                .train(DefaultTrainingData.roas(), TrainingProgress.NONE);
        write(out, ModelType.ROAS, roas.model().toArtifact(), ModelMetrics.regression(roas.test().metrics(),
                roas.test().intervalCoverage(), roas.test().meanIntervalWidth()), roas.trainingRows(),
                roas.test().metrics().rows(), "sandbox simulator: 16 accounts x 40 campaigns x 240 days");
        long roasDone = System.nanoTime();
        ConversionTraining conversion = new ConversionTrainer(ConversionTrainer.Settings.SEED)
                .train(DefaultTrainingData.conversion(), TrainingProgress.NONE);
        write(out, ModelType.CONVERSION, conversion.model().toArtifact(),
                ModelMetrics.classification(conversion.test().metrics()), conversion.trainingRows(),
                conversion.test().metrics().rows(), "40,000 synthetic sessions + the UCI online shoppers' 80 % split");
        Files.writeString(stamp, fingerprint + "\n");
        System.out.printf("default models trained: ROAS in %.1f s (%s), conversion in %.1f s (%s)%n",
                (roasDone - start) / 1e9, roas.test().metrics(), (System.nanoTime() - roasDone) / 1e9,
                conversion.test().metrics());
    }

    private static void write(Path out, ModelType type, ModelArtifact artifact, ModelMetrics metrics, int trainingRows,
                              int testRows, String data) throws IOException {
        Properties card = new Properties();
        card.setProperty("trainingRows", String.valueOf(trainingRows));
        card.setProperty("testRows", String.valueOf(testRows));
        card.setProperty("metrics", metrics.toJson());
        card.setProperty("trainedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        card.setProperty("data", data);
        StringWriter text = new StringWriter();
        card.store(text, type + " default model");
        String name = DefaultModels.name(type);
        Files.write(out.resolve(name + ".model"), artifact.toBytes());
        Files.writeString(out.resolve(name + ".properties"), text.toString());
    }
}
