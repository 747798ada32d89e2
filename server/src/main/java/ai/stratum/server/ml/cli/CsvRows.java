package ai.stratum.server.ml.cli;

import ai.stratum.server.ml.InvalidMlInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain CSV file with a header row: comma-separated, no quoting (the model files hold numbers, enum
 * names and ISO dates), columns in any order, extra columns ignored, blank lines skipped. Each data row
 * is handed to a reader; every malformed row is collected with its line number (the header is line 1)
 * and reported together.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** Reads one row's cells by column name. */
    interface RowReader {
        void read(Row row);
    }

    /**
     * @param file     the file
     * @param required the columns every file must have
     * @param reader   called once per data row, in file order
     * @return how many rows were read
     * @throws MalformedCsvException listing every malformed row (the first 20 of them)
     */
    static int read(Path file, List<String> required, RowReader reader) throws IOException {
        List<String> problems = new ArrayList<>();
        int bad = 0;
        int rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new MalformedCsvException(file.toString(), List.of("line 1: the file is empty; it needs a header row"), 1);
            }
            Map<String, Integer> columns = new HashMap<>();
            String[] names = split(stripBom(header));
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].strip().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = required.stream().filter(name -> !columns.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                throw new MalformedCsvException(file.toString(), List.of("line 1: missing column(s) " + String.join(", ", missing)
                        + "; the header needs " + String.join(",", required)), 1);
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                try {
                    if (cells.length < names.length) {
                        throw new IllegalArgumentException("expected " + names.length + " values, got " + cells.length);
                    }
                    reader.read(new Row(columns, cells));
                    rows++;
                } catch (InvalidMlInputException e) {
                    bad++;
                    add(problems, "line " + number + ": " + column(e.field()) + ": " + e.getMessage().substring(e.field().length() + 2));
                } catch (IllegalArgumentException e) {
                    bad++;
                    add(problems, "line " + number + ": " + e.getMessage());
                }
            }
        }
        if (bad > 0) {
            throw new MalformedCsvException(file.toString(), problems, bad);
        }
        return rows;
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < MalformedCsvException.MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    /** @return a field's CSV column: {@code historicalRoas7d} is {@code historical_roas_7d} */
    static String column(String field) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            boolean boundary = i > 0 && (Character.isUpperCase(c)
                    || (Character.isDigit(c) && !Character.isDigit(field.charAt(i - 1))));
            if (boundary) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    /** One data row's cells, by column name. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final String[] cells;

        Row(Map<String, Integer> columns, String[] cells) {
            this.columns = columns;
            this.cells = cells;
        }

        String text(String column) {
            return cells[columns.get(column)].strip();
        }

        double number(String column) {
            String text = text(column);
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + ": '" + text + "' is not a number");
            }
        }

        /** A number, or NaN when the cell is empty: a value not known. */
        double optionalNumber(String column) {
            return text(column).isEmpty() ? Double.NaN : number(column);
        }

        int whole(String column) {
            double value = number(column);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(column + ": '" + text(column) + "' is not a whole number");
            }
            return (int) value;
        }

        LocalDate date(String column) {
            try {
                return LocalDate.parse(text(column));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(column + ": '" + text(column) + "' is not an ISO-8601 date (2026-11-30)");
            }
        }

        <E extends Enum<E>> E choice(String column, Class<E> type) {
            String text = text(column);
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(column + ": '" + text + "' is not one of "
                        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
            }
        }

        boolean flag(String column) {
            return switch (text(column)) {
                case "1" -> true;
                case "0" -> false;
                default -> throw new IllegalArgumentException(column + ": '" + text(column) + "' is neither 0 nor 1");
            };
        }
    }
}
