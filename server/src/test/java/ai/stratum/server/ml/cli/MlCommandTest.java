package ai.stratum.server.ml.cli;

import ai.stratum.server.ml.conversion.SyntheticSessions;
import ai.stratum.server.ml.training.ClassificationMetrics;
import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.RegressionMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code ml train} and {@code ml evaluate} on CSV files, without a server or a database. */
class MlCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void evaluatesRoasOnAnotherFileAndWritesOnePredictionPerTestRowInOrder() throws IOException {
        Path train = CsvFiles.write(dir, "train.csv", CsvFiles.ROAS_HEADER, CsvFiles.roasRows(1, 600));
        List<String> testRows = CsvFiles.roasRows(2, 150);
        Path test = CsvFiles.write(dir, "test.csv", CsvFiles.ROAS_HEADER, testRows);
        Path predictions = dir.resolve("predictions.csv");

        int status = run("evaluate", "roas", "--train", train.toString(), "--test", test.toString(),
                "--predictions", predictions.toString());

        assertThat(status).as(err()).isZero();
        String json = out();
        assertThat(json).startsWith("{\"model\":\"ROAS\",\"trainingRows\":600,\"testRows\":150,\"metrics\":{\"mae\":");
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(151);
        assertThat(lines.get(0)).isEqualTo("predicted_roas,confidence_lower,confidence_upper");
        double[] actual = testRows.stream().mapToDouble(row -> Double.parseDouble(row.substring(row.lastIndexOf(',') + 1))).toArray();
        double[] predicted = lines.subList(1, lines.size()).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[0])).toArray();
        RegressionMetrics recomputed = RegressionMetrics.of(actual, predicted);
        assertThat(recomputed.mae()).isCloseTo(metric(json, "mae"), within(1e-5));
        assertThat(recomputed.r2()).isCloseTo(metric(json, "r2"), within(1e-5));
        assertThat(metric(json, "r2")).isGreaterThan(0.8);
        int covered = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            covered += actual[i - 1] >= Double.parseDouble(cells[1]) - 1e-6 && actual[i - 1] <= Double.parseDouble(cells[2]) + 1e-6 ? 1 : 0;
        }
        assertThat(covered / 150.0).isCloseTo(metric(json, "intervalCoverage"), within(0.01));
    }

    @Test
    void evaluatesConversionAndItsProbabilitiesReproduceTheMetrics() throws IOException {
        var train = SyntheticSessions.generate(21, 3_000).data();
        var testSessions = SyntheticSessions.generate(22, 800).data();
        Path trainFile = CsvFiles.write(dir, "train.csv", CsvFiles.CONVERSION_HEADER, CsvFiles.sessionRows(train));
        Path testFile = CsvFiles.write(dir, "test.csv", CsvFiles.CONVERSION_HEADER, CsvFiles.sessionRows(testSessions));
        Path predictions = dir.resolve("p.csv");

        int status = run("evaluate", "CONVERSION", "--train", trainFile.toString(), "--test", testFile.toString(),
                "--predictions", predictions.toString());

        assertThat(status).as(err()).isZero();
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines.get(0)).isEqualTo("conversion_probability");
        double[] probabilities = lines.subList(1, lines.size()).stream().mapToDouble(Double::parseDouble).toArray();
        ClassificationMetrics recomputed = ClassificationMetrics.of(testSessions.labels(), probabilities);
        assertThat(recomputed.auc()).isCloseTo(metric(out(), "auc"), within(1e-4));
        assertThat(recomputed.precision()).isCloseTo(metric(out(), "precision"), within(1e-9));
        assertThat(recomputed.recall()).isCloseTo(metric(out(), "recall"), within(1e-9));
    }

    @Test
    void reportsEveryMalformedRowByItsLineNumberAndTrainsNothing() {
        List<String> rows = new ArrayList<>(CsvFiles.roasRows(3, 40));
        rows.set(1, rows.get(1).replaceFirst("^([^,]*,[^,]*,[^,]*,)[^,]*", "$11.5"));  // line 3: ctr 1.5
        rows.set(3, "abc" + rows.get(3).substring(rows.get(3).indexOf(',')));         // line 5: not a number
        rows.set(4, rows.get(4).substring(0, rows.get(4).lastIndexOf(',')));          // line 6: a value short
        rows.set(6, rows.get(6).replace(",META,", ",MYSPACE,").replace(",GOOGLE,", ",MYSPACE,")
                .replace(",TIKTOK,", ",MYSPACE,").replace(",SNAPCHAT,", ",MYSPACE,")); // line 8: unknown platform
        rows.add(8, "");                                                                  // line 10: blank, skipped
        rows.set(10, rows.get(10).replaceFirst(",(\\d),(\\d{4}-\\d\\d-\\d\\d),", ",7,$2,")); // line 12: day_of_week 7
        Path file = CsvFiles.write(dir, "bad.csv", CsvFiles.ROAS_HEADER, rows);
        Path out = dir.resolve("model.bin");

        int status = run("train", "roas", "--csv", file.toString(), "--out", out.toString());

        assertThat(status).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(Files.exists(out)).isFalse();
        assertThat(err()).contains("5 malformed rows")
                .contains("line 3: ctr: must be within 0-1, was 1.5")
                .contains("line 5: historical_roas_7d: 'abc' is not a number")
                .contains("line 6: expected 12 values, got 11")
                .contains("line 8: platform: 'MYSPACE' is not one of META, GOOGLE, TIKTOK, SNAPCHAT")
                .contains("line 12: day_of_week: must be 0 (Monday) to 6 (Sunday), was 7");
    }

    @Test
    void namesMissingColumnsOnTheHeaderLine() {
        Path file = CsvFiles.write(dir, "short.csv", "session_duration,pages_viewed,converted", List.of("10,1,0"));

        int status = run("train", "conversion", "--csv", file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("line 1: missing column(s) cart_value, items_in_cart, time_since_last_visit, "
                + "previous_purchases, device_type, traffic_source, user_segment");
    }

    @Test
    void aConvertedOtherThanZeroOrOneIsMalformed() {
        List<String> rows = new ArrayList<>(CsvFiles.sessionRows(SyntheticSessions.generate(4, 60).data()));
        rows.set(0, rows.get(0).substring(0, rows.get(0).lastIndexOf(',')) + ",yes");
        Path file = CsvFiles.write(dir, "c.csv", CsvFiles.CONVERSION_HEADER, rows);

        assertThat(run("train", "conversion", "--csv", file.toString())).isEqualTo(2);
        assertThat(err()).contains("line 2: converted: 'yes' is neither 0 nor 1");
    }

    @Test
    void trainsTheSeedsWayAndWritesTheModelItDescribes() throws IOException {
        Path file = CsvFiles.write(dir, "all.csv", CsvFiles.ROAS_HEADER, CsvFiles.roasRows(5, 500));
        Path model = dir.resolve("roas.model");

        int status = run("train", "roas", "--csv", file.toString(), "--out", model.toString());

        assertThat(status).as(err()).isZero();
        assertThat(out()).startsWith("{\"model\":\"ROAS\",\"rows\":500,\"trainingRows\":400,\"testRows\":100,\"metrics\":{")
                .contains("\"out\":\"" + model + "\"");
        assertThat(ModelArtifact.fromBytes(Files.readAllBytes(model)).type()).isEqualTo(ModelType.ROAS);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | a command is needed",
            "train                                | a model is needed",
            "train churn --csv x                  | unknown model 'churn'",
            "predict roas --csv x                 | unknown command 'predict'",
            "train roas                           | --csv FILE is required",
            "train roas --csv /no/such/file.csv   | --csv /no/such/file.csv: no such readable file",
            "train roas --csv                     | expected --option value",
            "evaluate roas --train {f} --test {f} --csv {f} | unknown option --csv for ml evaluate",
            "train roas --csv {f} --tenant acme   | --tenant 'acme' is not a tenant id"})
    void refusesBadArgumentsWithUsage(String args, String message) throws IOException {
        Path file = CsvFiles.write(dir, "f.csv", CsvFiles.ROAS_HEADER, CsvFiles.roasRows(6, 30));
        String[] parts = args.isBlank() ? new String[0] : args.replace("{f}", file.toString()).trim().split("\\s+");

        assertThat(run(parts)).isEqualTo(2);
        assertThat(err()).contains(message).contains("usage: ml train");
    }

    private int run(String... args) {
        return new MlCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static double metric(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":([-0-9.eE]+)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
