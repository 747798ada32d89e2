package ai.stratum.server.ml.cli;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.conversion.DeviceType;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.conversion.TrafficSource;
import ai.stratum.server.ml.conversion.UserSegment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** CSV files as an analyst would export them, for the command line's tests. */
final class CsvFiles {

    static final String ROAS_HEADER = String.join(",", ModelCsv.ROAS_COLUMNS);
    static final String CONVERSION_HEADER = String.join(",", ModelCsv.CONVERSION_COLUMNS);

    private CsvFiles() {
    }

    /** Campaign days whose ROAS follows the 30-day and 7-day ROAS, with 10 % noise. */
    static List<String> roasRows(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < rows; i++) {
            double roas30 = 0.5 + 4 * random.nextDouble();
            double roas7 = roas30 * (0.7 + 0.6 * random.nextDouble());
            LocalDate date = first.plusDays(random.nextInt(330));
            double roas = Math.max(0, (0.6 * roas30 + 0.4 * roas7) * (1 + 0.1 * (random.nextDouble() * 2 - 1)));
            lines.add(String.format(Locale.ROOT, "%.4f,%.4f,%.2f,%.4f,%.4f,%.3f,%s,%d,%s,%d,%.1f,%.4f",
                    roas7, roas30, 50 + 400 * random.nextDouble(), 0.005 + 0.03 * random.nextDouble(),
                    0.01 + 0.05 * random.nextDouble(), random.nextDouble() - 0.5,
                    Platform.values()[random.nextInt(4)].name(), date.getDayOfWeek().getValue() - 1, date,
                    10_000 + random.nextInt(500_000), 100 * random.nextDouble(), roas));
        }
        return lines;
    }

    /** The sessions as the conversion CSV has them. */
    static List<String> sessionRows(SessionDataset sessions) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sessions.rows(); i++) {
            double[] x = sessions.features()[i];
            lines.add(String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%d,%s,%s,%s,%d", x[0], (int) x[1], x[2], (int) x[3], x[4],
                    (int) x[5], DeviceType.values()[(int) x[6]].name().toLowerCase(Locale.ROOT), TrafficSource.values()[(int) x[7]],
                    UserSegment.values()[(int) x[8]], sessions.labels()[i] ? 1 : 0));
        }
        return lines;
    }

    static Path write(Path directory, String name, String header, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        try {
            return Files.write(directory.resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
