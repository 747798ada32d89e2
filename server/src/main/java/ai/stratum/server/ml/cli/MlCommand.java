package ai.stratum.server.ml.cli;

import ai.stratum.server.ml.conversion.ConversionEvaluation;
import ai.stratum.server.ml.conversion.ConversionModel;
import ai.stratum.server.ml.conversion.ConversionTrainer;
import ai.stratum.server.ml.conversion.ConversionTraining;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.roas.RoasDataset;
import ai.stratum.server.ml.roas.RoasEvaluation;
import ai.stratum.server.ml.roas.RoasModel;
import ai.stratum.server.ml.roas.RoasTrainer;
import ai.stratum.server.ml.roas.RoasTraining;
import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.TrainingProgress;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code java -jar stratum-server.jar ml …}: training and evaluation from CSV files, without starting the
 * server. Prints one JSON object on standard output; problems go to standard error.
 *
 * <pre>
 * ml train    &lt;roas|conversion&gt; --csv FILE [--tenant ID] [--out FILE]
 * ml evaluate &lt;roas|conversion&gt; --train FILE --test FILE [--predictions OUT]
 * </pre>
 *
 * <p>{@code train} is seed 001's procedure (80/20 split with seed 42) and prints the held-out metrics;
 * with {@code --tenant} the model is registered as the tenant's active version in the server's database
 * ({@code DATABASE_URL}, or the embedded one under {@code STRATUM_HOME}); with {@code --out} its artifact
 * is written to a file. {@code evaluate} trains on one file and measures on another, touching no database;
 * {@code --predictions} writes one prediction per test row, in row order, under a header.
 *
 * <p>Exit status: 0 done, 2 bad arguments or a malformed file, 1 anything else.
 */
public final class MlCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_TEXT = """
            usage: ml train    <roas|conversion> --csv FILE [--tenant ID] [--out FILE]
                   ml evaluate <roas|conversion> --train FILE --test FILE [--predictions OUT]
            CSV columns (header row, comma-separated):
              roas:       historical_roas_7d,historical_roas_30d,spend_velocity,ctr,conversion_rate,impressions_growth,
                          platform,day_of_week,date,audience_size,creative_fatigue_score,roas
              conversion: session_duration,pages_viewed,cart_value,items_in_cart,time_since_last_visit,
                          previous_purchases,device_type,traffic_source,user_segment,converted""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public MlCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /**
     * @param args the arguments after {@code ml}
     * @return the exit status
     */
    public int run(List<String> args) {
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (arguments.command()) {
                case "train" -> train(arguments);
                case "evaluate" -> evaluate(arguments);
                default -> throw new UsageException("unknown command '" + arguments.command() + "'");
            };
        } catch (UsageException e) {
            err.println("ml: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (MalformedCsvException e) {
            err.println("ml: " + e.getMessage() + ":");
            e.problems().forEach(problem -> err.println("  " + problem));
            return USAGE;
        } catch (IOException e) {
            err.println("ml: " + e);
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("ml: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("ml: failed: " + e);
            return FAILED;
        }
    }

    private int train(Arguments arguments) throws IOException {
        ModelType type = arguments.type();
        Path csv = arguments.path("csv");
        Optional<UUID> tenant = arguments.optional("tenant").map(MlCommand::tenant);
        Optional<Path> target = arguments.optional("out").map(Path::of);
        arguments.requireOnly("csv", "tenant", "out");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", type.name());
        ModelArtifact artifact;
        ModelMetrics metrics;
        int trainingRows;
        int testRows;
        if (type == ModelType.ROAS) {
            RoasDataset data = ModelCsv.roas(csv);
            RoasTraining training = new RoasTrainer(RoasTrainer.Settings.SEED.withThreads(threads(data.rows()))).train(data, TrainingProgress.NONE);
            artifact = training.model().toArtifact();
            metrics = ModelMetrics.regression(training.test().metrics(), training.test().intervalCoverage(),
                    training.test().meanIntervalWidth());
            trainingRows = training.trainingRows();
            testRows = training.test().metrics().rows();
        } else {
            SessionDataset data = ModelCsv.conversion(csv);
            ConversionTraining training = new ConversionTrainer(ConversionTrainer.Settings.SEED).train(data, TrainingProgress.NONE);
            artifact = training.model().toArtifact();
            metrics = ModelMetrics.classification(training.test().metrics());
            trainingRows = training.trainingRows();
            testRows = training.test().metrics().rows();
        }
        report.put("rows", trainingRows + testRows);
        report.put("trainingRows", trainingRows);
        report.put("testRows", testRows);
        report.put("metrics", metrics.values());
        byte[] bytes = artifact.toBytes();
        if (target.isPresent()) {
            Files.write(target.get(), bytes);
            report.put("out", target.get().toString());
        }
        if (tenant.isPresent()) {
            int version = new CommandLineRegistry(env).register(tenant.get(), type, bytes, metrics, trainingRows, testRows);
            report.put("tenant", tenant.get().toString());
            report.put("version", version);
            report.put("active", true);
        }
        out.println(Json.object(report));
        return OK;
    }

    private int evaluate(Arguments arguments) throws IOException {
        ModelType type = arguments.type();
        Path trainFile = arguments.path("train");
        Path testFile = arguments.path("test");
        Optional<Path> predictions = arguments.optional("predictions").map(Path::of);
        arguments.requireOnly("train", "test", "predictions");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", type.name());
        if (type == ModelType.ROAS) {
            RoasDataset train = ModelCsv.roas(trainFile);
            RoasDataset test = ModelCsv.roas(testFile);
            requireRows(testFile, test.rows());
            RoasTrainer.Fitted fitted = new RoasTrainer(RoasTrainer.Settings.SEED.withThreads(threads(train.rows()))).fit(train, TrainingProgress.NONE);
            RoasEvaluation evaluation = RoasTrainer.evaluate(fitted.model(), test);
            report.put("trainingRows", fitted.fitRows() + fitted.calibrationRows());
            report.put("testRows", test.rows());
            report.put("metrics", ModelMetrics.regression(evaluation.metrics(), evaluation.intervalCoverage(),
                    evaluation.meanIntervalWidth()).values());
            if (predictions.isPresent()) {
                writeRoasPredictions(predictions.get(), fitted.model(), evaluation.predictions());
            }
        } else {
            SessionDataset train = ModelCsv.conversion(trainFile);
            SessionDataset test = ModelCsv.conversion(testFile);
            requireRows(testFile, test.rows());
            ConversionModel model = new ConversionTrainer(ConversionTrainer.Settings.SEED).fit(train, TrainingProgress.NONE);
            ConversionEvaluation evaluation = ConversionTrainer.evaluate(model, test);
            report.put("trainingRows", train.rows());
            report.put("testRows", test.rows());
            report.put("metrics", ModelMetrics.classification(evaluation.metrics()).values());
            if (predictions.isPresent()) {
                writeLines(predictions.get(), "conversion_probability", evaluation.probabilities().length,
                        i -> format(evaluation.probabilities()[i]));
            }
        }
        predictions.ifPresent(path -> report.put("predictions", path.toString()));
        out.println(Json.object(report));
        return OK;
    }

    private static void writeRoasPredictions(Path file, RoasModel model, double[] predicted) throws IOException {
        writeLines(file, "predicted_roas,confidence_lower,confidence_upper", predicted.length, i -> {
            double half = model.halfWidth(predicted[i]);
            return format(predicted[i]) + "," + format(Math.max(0, predicted[i] - half)) + "," + format(predicted[i] + half);
        });
    }

    private static void writeLines(Path file, String header, int rows, java.util.function.IntFunction<String> line)
            throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(header);
            writer.newLine();
            for (int i = 0; i < rows; i++) {
                writer.write(line.apply(i));
                writer.newLine();
            }
        }
    }

    private static void requireRows(Path file, int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException(file + " has no data rows to evaluate on");
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static UUID tenant(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tenant '" + text + "' is not a tenant id (a UUID)");
        }
    }

    /**
     * One thread per 50,000 rows, up to the cores: on small files XGBoost's threads cost more to wake each
     * round than they save, badly so on a busy machine.
     */
    static int threads(int rows) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rows / 50_000));
    }

    /** Bad arguments. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code <command> <model> --name value …}. */
    private record Arguments(String command, ModelType type, Map<String, String> options) {

        static Arguments parse(List<String> args) {
            if (args.size() < 2) {
                throw new UsageException(args.isEmpty() ? "a command is needed" : "a model is needed: roas or conversion");
            }
            ModelType type;
            try {
                type = ModelType.valueOf(args.get(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown model '" + args.get(1) + "': roas or conversion");
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 2; i < args.size(); i += 2) {
                String name = args.get(i);
                if (!name.startsWith("--") || i + 1 >= args.size()) {
                    throw new UsageException("expected --option value, got '" + name + "'");
                }
                if (options.put(name.substring(2), args.get(i + 1)) != null) {
                    throw new UsageException(name + " is given twice");
                }
            }
            return new Arguments(args.get(0), type, options);
        }

        Path path(String name) {
            String value = options.get(name);
            if (value == null) {
                throw new UsageException("--" + name + " FILE is required");
            }
            Path path = Path.of(value);
            if (!Files.isReadable(path)) {
                throw new UsageException("--" + name + " " + value + ": no such readable file");
            }
            return path;
        }

        Optional<String> optional(String name) {
            return Optional.ofNullable(options.get(name));
        }

        void requireOnly(String... allowed) {
            List<String> known = List.of(allowed);
            for (String name : options.keySet()) {
                if (!known.contains(name)) {
                    throw new UsageException("unknown option --" + name + " for ml " + command);
                }
            }
        }
    }
}
