package ai.stratum.server.ml.fatigue;

import java.util.Locale;

/**
 * Counts of true against scored fatigue levels, with the accuracy, per-level precision and recall, and
 * the replace-or-keep decision read from them (a creative is to be replaced at {@link FatigueLevel#HIGH}
 * and above, where the scorer says "Replace creative").
 */
final class LevelConfusion {

    private static final FatigueLevel[] LEVELS = FatigueLevel.values();

    private final long[][] counts = new long[LEVELS.length][LEVELS.length];

    void add(FatigueLevel truth, FatigueLevel scored) {
        counts[truth.ordinal()][scored.ordinal()]++;
    }

    long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    long trulyAt(FatigueLevel level) {
        long sum = 0;
        for (long count : counts[level.ordinal()]) {
            sum += count;
        }
        return sum;
    }

    long scoredAt(FatigueLevel level) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[level.ordinal()];
        }
        return sum;
    }

    /** @return the share of creative-days whose scored level is their true level */
    double accuracy() {
        long right = 0;
        for (FatigueLevel level : LEVELS) {
            right += counts[level.ordinal()][level.ordinal()];
        }
        return (double) right / total();
    }

    /** @return of the days scored at the level, the share truly at it; NaN when none was scored there */
    double precision(FatigueLevel level) {
        return (double) counts[level.ordinal()][level.ordinal()] / scoredAt(level);
    }

    /** @return of the days truly at the level, the share scored at it; NaN when none was truly there */
    double recall(FatigueLevel level) {
        return (double) counts[level.ordinal()][level.ordinal()] / trulyAt(level);
    }

    /** @return the share of days off by more than one level */
    double offByMoreThanOne() {
        long far = 0;
        for (FatigueLevel truth : LEVELS) {
            for (FatigueLevel scored : LEVELS) {
                if (Math.abs(truth.ordinal() - scored.ordinal()) > 1) {
                    far += counts[truth.ordinal()][scored.ordinal()];
                }
            }
        }
        return (double) far / total();
    }

    /** @return the share of days where the scorer's replace-or-keep decision is the truth's */
    double replaceAccuracy() {
        return (double) (replaceCount(true, true) + replaceCount(false, false)) / total();
    }

    /** @return of the days the scorer says replace, the share truly at high or critical */
    double replacePrecision() {
        return (double) replaceCount(true, true) / (replaceCount(true, true) + replaceCount(false, true));
    }

    /** @return of the days truly at high or critical, the share the scorer says replace */
    double replaceRecall() {
        return (double) replaceCount(true, true) / (replaceCount(true, true) + replaceCount(true, false));
    }

    private long replaceCount(boolean trulyReplace, boolean scoredReplace) {
        long sum = 0;
        for (FatigueLevel truth : LEVELS) {
            for (FatigueLevel scored : LEVELS) {
                if (replace(truth) == trulyReplace && replace(scored) == scoredReplace) {
                    sum += counts[truth.ordinal()][scored.ordinal()];
                }
            }
        }
        return sum;
    }

    private static boolean replace(FatigueLevel level) {
        return level.compareTo(FatigueLevel.HIGH) >= 0;
    }

    /** @return the matrix as a Markdown table, true levels down, scored levels across */
    String matrixTable() {
        StringBuilder table = new StringBuilder("| true \\ scored |");
        for (FatigueLevel level : LEVELS) {
            table.append(' ').append(level.id()).append(" |");
        }
        table.append(" days |\n|---|");
        table.append("---|".repeat(LEVELS.length + 1)).append('\n');
        for (FatigueLevel truth : LEVELS) {
            table.append("| ").append(truth.id()).append(" |");
            for (FatigueLevel scored : LEVELS) {
                table.append(' ').append(String.format(Locale.ROOT, "%,d", counts[truth.ordinal()][scored.ordinal()])).append(" |");
            }
            table.append(' ').append(String.format(Locale.ROOT, "%,d", trulyAt(truth))).append(" |\n");
        }
        return table.toString();
    }

    /** @return per level: days truly there, days scored there, precision and recall, as a Markdown table */
    String perLevelTable() {
        StringBuilder table = new StringBuilder("| level | true days | scored days | precision | recall |\n|---|---|---|---|---|\n");
        for (FatigueLevel level : LEVELS) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %s | %s |%n", level.id(), trulyAt(level), scoredAt(level),
                    share(precision(level)), share(recall(level))));
        }
        return table.toString();
    }

    private static String share(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
