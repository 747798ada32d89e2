package ai.stratum.server.ml.defaults;

import ai.stratum.server.ml.conversion.ConversionEvaluation;
import ai.stratum.server.ml.conversion.ConversionModel;
import ai.stratum.server.ml.conversion.ConversionTrainer;
import ai.stratum.server.ml.conversion.ConversionTraining;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.conversion.SyntheticSessions;
import ai.stratum.server.ml.fatigue.FatigueQuality;
import ai.stratum.server.ml.models.DefaultModels;
import ai.stratum.server.ml.models.ModelInfo;
import ai.stratum.server.ml.models.TrainedModel;
import ai.stratum.server.ml.roas.RoasDataset;
import ai.stratum.server.ml.roas.RoasEvaluation;
import ai.stratum.server.ml.roas.RoasModel;
import ai.stratum.server.ml.roas.RoasTrainer;
import ai.stratum.server.ml.roas.RoasTraining;
import ai.stratum.server.ml.roas.SimulatedCampaigns;
import ai.stratum.server.ml.training.ClassificationMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.RegressionMetrics;
import ai.stratum.server.ml.training.TrainingProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Writes {@code docs/model-quality.md}: the default models the build trained, measured on held-out data
 * against seed 001's targets, next to what no model can beat (the simulator's true expected ROAS, the
 * synthetic sessions' true probabilities), and the conversion predictor on the real UCI sessions. Also
 * retrains both defaults to time them and to check that training is reproducible.
 *
 * <p>Run by {@code mvn -B -q -DskipTests -Pmodel-quality package} (see the report's first lines); usage
 * {@code ModelQualityReport <output file>}.
 */
public final class ModelQualityReport {

    /** The whole reactor: the server's build copies the plugin jars, which a build of the server alone lacks. */
    static final String COMMAND = "mvn -B -q -DskipTests -Pmodel-quality package";

    private final StringBuilder md = new StringBuilder();

    private ModelQualityReport() {
    }

    /**
     * Ends the generated part of the report. The sections after it (forecasts, anomalies, the fatigue
     * scorer's method and tables) are measured by their own tests, each with its own command, and are
     * kept as they are when the report is written again.
     */
    static final String END_OF_GENERATED = "<!-- Generated down to here by ModelQualityReport; the sections below, each with its own "
            + "command, are kept as they are when it runs. -->";

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String kept = keptSections(file);
        ModelQualityReport report = new ModelQualityReport();
        report.write();
        Files.writeString(file, report.md + "\n" + kept);
        System.out.println("wrote " + args[0]);
    }

    /** The report's sections from {@link #END_OF_GENERATED} on, which this report does not write. */
    private static String keptSections(Path file) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "";
        int end = existing.indexOf(END_OF_GENERATED);
        if (end < 0) {
            throw new IllegalStateException(file + " has no line " + END_OF_GENERATED + ": writing it would drop the sections "
                    + "measured elsewhere. Restore the file from version control.");
        }
        return existing.substring(end);
    }

    private void write() {
        DefaultModels defaults = new DefaultModels();
        TrainedModel roas = defaults.get(ModelType.ROAS).orElseThrow(() -> new IllegalStateException("no default ROAS model built"));
        TrainedModel conversion = defaults.get(ModelType.CONVERSION)
                .orElseThrow(() -> new IllegalStateException("no default conversion model built"));

        SimulatedCampaigns.Rows heldOut = DefaultTrainingData.roasHeldOut();
        RoasEvaluation roasHeld = RoasTrainer.evaluate(roas.roas(), heldOut.data());
        RegressionMetrics oracle = RegressionMetrics.of(heldOut.data().labelValues(), heldOut.expectedRoas());
        RegressionMetrics againstTruth = RegressionMetrics.of(heldOut.expectedRoas(), roasHeld.predictions());
        SyntheticSessions.Sessions sessions = DefaultTrainingData.syntheticHeldOut();
        ConversionEvaluation synthetic = ConversionTrainer.evaluate(conversion.conversion(), sessions.data());
        ClassificationMetrics sessionOracle = ClassificationMetrics.of(sessions.data().labels(), sessions.trueProbability());
        SessionDataset realTest = DefaultTrainingData.realHeldOut();
        ConversionEvaluation real = ConversionTrainer.evaluate(conversion.conversion(), realTest);
        ConversionModel realOnly = new ConversionTrainer(ConversionTrainer.Settings.SEED)
                .fit(DefaultTrainingData.realTraining(), TrainingProgress.NONE);
        ConversionEvaluation realOnlyEvaluation = ConversionTrainer.evaluate(realOnly, realTest);
        FatigueQuality fatigue = FatigueQuality.measure();

        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        RoasTraining roasAgain = new RoasTrainer(RoasTrainer.Settings.SEED.withThreads(DefaultModelBuilder.THREADS))
                .train(DefaultTrainingData.roas(), TrainingProgress.NONE);
        double roasSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ConversionTraining conversionAgain = new ConversionTrainer(ConversionTrainer.Settings.SEED)
                .train(DefaultTrainingData.conversion(), TrainingProgress.NONE);
        double conversionSeconds = (System.nanoTime() - start) / 1e9;
        boolean roasReproduced = ModelInfo.revisionOf(roasAgain.model().toArtifact().toBytes()).equals(roas.info().revision());
        boolean conversionReproduced = ModelInfo.revisionOf(conversionAgain.model().toArtifact().toBytes())
                .equals(conversion.info().revision());

        line("# Model quality");
        line("");
        line("How well the learned models of seed 001 — the ROAS predictor (XGBoost) and the conversion predictor");
        line("(Smile gradient boosting) — do on data they never saw, against the seed's targets. Generated by");
        line("`ModelQualityReport` (server test sources) from the default models this build trained; regenerate with");
        line("");
        line("```bash");
        line(COMMAND);
        line("```");
        line("");
        line("Generated " + LocalDate.now(ZoneOffset.UTC) + " on " + threads + " cores, Java " + System.getProperty("java.version")
                + "; default models ROAS `" + roas.info().revision() + "`, conversion `" + conversion.info().revision() + "`.");
        line("");
        line("## Against seed 001's targets");
        line("");
        line("| Model | Metric | Target | Measured | Held-out data | |");
        line("|---|---|---|---|---|---|");
        RegressionMetrics r = roasHeld.metrics();
        target("ROAS predictor", "MAE", "< 0.3", r.mae(), r.mae() < 0.3, "8 simulated accounts, " + count(r.rows()) + " campaign days");
        target("ROAS predictor", "R²", "> 0.8", r.r2(), r.r2() > 0.8, "the same");
        target("ROAS predictor", "80 % interval coverage", "0.80", roasHeld.intervalCoverage(),
                Math.abs(roasHeld.intervalCoverage() - 0.8) < 0.02, "the same");
        ClassificationMetrics s = synthetic.metrics();
        target("Conversion predictor", "AUC", "> 0.85", s.auc(), s.auc() > 0.85, count(s.rows()) + " synthetic sessions");
        target("Conversion predictor", "Precision", "> 0.8", s.precision(), s.precision() > 0.8, "the same");
        ClassificationMetrics q = real.metrics();
        target("Conversion predictor", "AUC", "> 0.85", q.auc(), q.auc() > 0.85, count(q.rows()) + " real sessions (UCI, 20 % split)");
        target("Conversion predictor", "Precision", "> 0.8", q.precision(), q.precision() > 0.8, "the same");
        line("| Creative fatigue | accuracy of the level | > 0.9 | " + f(fatigue.levelAccuracy()) + " | " + fatigue.creatives()
                + " simulated creatives, " + String.format(Locale.ROOT, "%,d", fatigue.creativeDays()) + " creative-days | "
                + (fatigue.levelAccuracy() > 0.9 ? "met" : "**missed**") + " |");
        line("| Creative fatigue | accuracy of replace or keep (high and above) | > 0.9 | " + f(fatigue.replaceAccuracy()) + " | the same | "
                + (fatigue.replaceAccuracy() > 0.9 ? "met, on this window only" : "**missed**") + " |");
        line("");
        line("Coverage counts as met within ±0.02 of 0.80. Fatigue accuracy, the seed's fifth target, is measured as");
        line("`FatigueAccuracyTest` measures it, against the simulator's true fatigue state: see \"Creative fatigue\" below");
        line("for the method, its own command and the full tables. The seed does not say what its accuracy counts; both");
        line("readings are reported, the level (four classes) and the decision the level leads to (replace at high or");
        line("critical, keep below).");
        line("");
        line("**Misses, and why.** The ROAS MAE target is missed, and no model could meet it on this data: the");
        line("simulator's *true expected* ROAS of each day, known exactly, scores MAE " + f(oracle.mae()) + " and R² "
                + f(oracle.r2()) + " against the");
        line("days' actual ROAS — the day-to-day noise of conversions and order values alone is worth more than 0.3. The");
        line("model comes within " + f(r.mae() - oracle.mae()) + " of that floor. The precision target is missed too, on both");
        line("synthetic and real sessions, at the seed's threshold of 0.5: on the synthetic sessions even their true");
        line("probabilities reach only " + f(sessionOracle.precision()) + "; the real dataset, mapped onto the seed's inputs, lacks");
        line("five of the nine (see below). The fatigue level is missed (" + f(fatigue.levelAccuracy()) + "): the seed's score adds a "
                + "creative's age and");
        line("frequency to its CTR decline with fixed weights, while how fast a creative really fatigues varies fourfold");
        line("between creatives, so the level runs a step early on slow-fatiguing creatives and the noise of daily clicks");
        line("moves it a step on the others; the replace-or-keep decision reaches " + f(fatigue.replaceAccuracy())
                + " over the creatives' first four");
        line("months, but only " + f(fatigue.secondMonthReplaceAccuracy()) + " in their second month, when most creatives cross the line "
                + "(see below).");
        line("");
        line("## ROAS predictor");
        line("");
        line("**Model**: XGBoost, the seed's settings (100 trees, depth 6, learning rate 0.1, squared error); the seed's");
        line("eleven features as fourteen columns (platform one-hot, date as its quarter). Trained on " + count(roas.info().trainingRows())
                + " rows: the");
        line("seed's 80 % of 16 simulated accounts × 40 campaigns × 240 days, of which 75 % fit the trees and 25 % calibrate");
        line("the interval; the seed's 20 % test split gave MAE " + metric(roas, "mae") + ", R² " + metric(roas, "r2")
                + " and coverage " + metric(roas, "intervalCoverage") + ".");
        line("");
        line("**What is predicted**: the ROAS of one campaign day, from the features as they stood the evening before");
        line("(7- and 30-day ROAS, spend velocity, CTR, conversion rate, impressions growth from the campaign's daily");
        line("performance). **Data**: the sandbox simulator (`sandbox/…/simulation`): campaigns with saturating revenue");
        line("curves, weekly demand, creative fatigue and late conversions, budgets moved in weekly tests; held-out rows");
        line("come from 8 accounts generated from another seed, so no campaign was seen in training.");
        line("");
        line("| on " + count(r.rows()) + " held-out campaign days | MAE | RMSE | R² |");
        line("|---|---|---|---|");
        line("| default model | " + f(r.mae()) + " | " + f(r.rmse()) + " | " + f(r.r2()) + " |");
        line("| true expected ROAS (the floor) | " + f(oracle.mae()) + " | " + f(oracle.rmse()) + " | " + f(oracle.r2()) + " |");
        line("");
        line("Measured against the simulator's true expected ROAS of each day instead of the day's noisy actual ROAS, the");
        line("model's error is MAE " + f(againstTruth.mae()) + ", RMSE " + f(againstTruth.rmse()) + ": what it gets wrong about the campaign, with");
        line("the day's luck left out. The seed's target is set against actual ROAS, the first row.");
        line("");
        line("**80 % interval** (split conformal, relative to the prediction): covers " + pct(roasHeld.intervalCoverage())
                + " of held-out days,");
        line("mean width " + f(roasHeld.meanIntervalWidth()) + ". Coverage is guaranteed on average, not in every band of");
        line("predictions; by predicted ROAS:");
        line("");
        line("| predicted ROAS | days | coverage | mean width |");
        line("|---|---|---|---|");
        band(roas.roas(), heldOut.data(), roasHeld, 0, 1);
        band(roas.roas(), heldOut.data(), roasHeld, 1, 2);
        band(roas.roas(), heldOut.data(), roasHeld, 2, 3);
        band(roas.roas(), heldOut.data(), roasHeld, 3, Double.POSITIVE_INFINITY);
        line("");
        line("## Conversion predictor");
        line("");
        line("**Model**: Smile gradient-boosted trees, the seed's settings (100 trees, depth 5, learning rate 0.1), the seed's");
        line("nine inputs. Trained on " + count(conversion.info().trainingRows()) + " rows: the seed's 80 % of 40,000 synthetic sessions and");
        line("the UCI dataset's 80 % split; its own 20 % test split gave AUC " + metric(conversion, "auc") + ", precision "
                + metric(conversion, "precision") + ", recall " + metric(conversion, "recall") + ".");
        line("Precision and recall count a session as predicted to convert when its probability is above 0.5.");
        line("");
        line("**Synthetic sessions** (`SyntheticSessions`, server test sources, documented there): segment, device and");
        line("source mixes; a hidden intent that drives pages, time and the cart; conversion by a known logistic model of the");
        line("nine inputs, so each session's true probability is known. " + count(s.rows()) + " held-out sessions from another seed, "
                + pct((double) s.positives() / s.rows()) + " converting:");
        line("");
        line("| on synthetic sessions | AUC | precision | recall |");
        line("|---|---|---|---|");
        line("| default model | " + f(s.auc()) + " | " + f(s.precision()) + " | " + f(s.recall()) + " |");
        line("| true probabilities (the ceiling) | " + f(sessionOracle.auc()) + " | " + f(sessionOracle.precision()) + " | "
                + f(sessionOracle.recall()) + " |");
        line("");
        line("**Real sessions**: the UCI *Online Shoppers Purchasing Intention* dataset (Sakar et al. 2019, CC BY 4.0; a copy");
        line("with its attribution is in `server/src/test/resources/datasets/`), 12,330 sessions of one shop, 15.5 % ending");
        line("in a purchase. Mapped onto the seed's inputs: `session_duration` = the three page types' durations added up,");
        line("`pages_viewed` = their page counts added up, `cart_value` = `PageValues` (the value of pages seen before a");
        line("purchase: the nearest thing to a cart), `user_segment` = NEW for `New_Visitor`, else RETURNING. The other five");
        line("inputs are not in the dataset (device and traffic source only as anonymised codes) and are constant. Measured");
        line("on the seed's 20 % test split (" + count(q.rows()) + " sessions, " + q.positives() + " purchases), never trained on:");
        line("");
        line("| on real sessions | AUC | precision | recall |");
        line("|---|---|---|---|");
        line("| default model (synthetic + real 80 %) | " + f(q.auc()) + " | " + f(q.precision()) + " | " + f(q.recall()) + " |");
        ClassificationMetrics o = realOnlyEvaluation.metrics();
        line("| the seed's model on the real 80 % alone | " + f(o.auc()) + " | " + f(o.precision()) + " | " + f(o.recall()) + " |");
        line("");
        line("Published gradient-boosting results on this dataset reach an AUC of about 0.90-0.93 with all 17 columns; the");
        line("four mapped here carry most of that (`PageValues` above all).");
        line("");
        line("## Training time and reproducibility");
        line("");
        line("Retrained here with the same data and settings as the build (one thread each: XGBoost's threads made the");
        line("build up to ten times slower when other builds kept the " + threads + " cores busy; Smile's boosting is");
        line("single-threaded). The time includes generating the data, and follows the machine's load.");
        line("");
        line("| model | rows | generation and training, warm | same model as the build's |");
        line("|---|---|---|---|");
        line("| ROAS | " + count(roasAgain.trainingRows() + roasAgain.test().metrics().rows()) + " | " + String.format(Locale.ROOT, "%.1f s", roasSeconds)
                + " | " + (roasReproduced ? "yes, byte for byte" : "no") + " |");
        line("| conversion | " + count(conversionAgain.trainingRows() + conversionAgain.test().metrics().rows()) + " | "
                + String.format(Locale.ROOT, "%.1f s", conversionSeconds) + " | " + (conversionReproduced ? "yes, byte for byte" : "no") + " |");
        line("");
        line("## Reproducing a number with the command line");
        line("");
        line("`java -jar server/target/stratum-server.jar ml evaluate <roas|conversion> --train A.csv --test B.csv --predictions P.csv`");
        line("trains with the seed's settings on one file, prints the test metrics as JSON, and writes one prediction per");
        line("test row, in row order, so the metrics can be recomputed independently. The CSV columns are in the README.");
    }

    private void band(RoasModel model, RoasDataset data, RoasEvaluation evaluation, double from, double to) {
        int rows = 0;
        int covered = 0;
        double width = 0;
        double[] predicted = evaluation.predictions();
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] >= from && predicted[i] < to) {
                double half = model.halfWidth(predicted[i]);
                double lower = Math.max(0, predicted[i] - half);
                double upper = predicted[i] + half;
                rows++;
                covered += data.labels()[i] >= lower && data.labels()[i] <= upper ? 1 : 0;
                width += upper - lower;
            }
        }
        String label = Double.isInfinite(to) ? String.format(Locale.ROOT, "%.0f and above", from)
                : String.format(Locale.ROOT, "%.0f to %.0f", from, to);
        line("| " + label + " | " + count(rows) + " | " + (rows == 0 ? "–" : pct((double) covered / rows)) + " | "
                + (rows == 0 ? "–" : f(width / rows)) + " |");
    }

    private void target(String model, String metric, String target, double measured, boolean met, String data) {
        line("| " + model + " | " + metric + " | " + target + " | " + f(measured) + " | " + data + " | " + (met ? "met" : "**missed**") + " |");
    }

    private static String metric(TrainedModel model, String name) {
        Double value = model.info().metrics().values().get(name);
        return value == null ? "–" : f(value);
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
