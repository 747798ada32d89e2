package ai.stratum.server.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** One {@code FxRateInput} as the client sent it, not yet checked (see {@link FxRateInputs}). */
record FxRateInput(String base, String quote, LocalDate date, double rate, String source, Optional<Instant> fetchedAt) {

    static FxRateInput of(Map<String, Object> input) {
        return new FxRateInput((String) input.get("base"), (String) input.get("quote"), (LocalDate) input.get("date"),
                ((Number) input.get("rate")).doubleValue(), (String) input.get("source"),
                Optional.ofNullable((Instant) input.get("fetchedAt")));
    }
}
