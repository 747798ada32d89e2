package ai.stratum.server.signals.health;

/** Numbers in issue lines: always one decimal and a dot, whatever the server's locale, so the wording is stable. */
final class OneDecimal {

    private OneDecimal() {
    }

    static String of(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
