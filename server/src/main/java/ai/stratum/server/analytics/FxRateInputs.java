package ai.stratum.server.analytics;

import ai.stratum.server.error.ApiException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads and checks the {@code rates} argument of {@code upsertFxRates}, naming the field at fault. */
final class FxRateInputs {

    static final int MAX_RATES = 5000;
    private static final int MAX_SOURCE_LENGTH = 200;

    private FxRateInputs() {
    }

    /** @param now the fetch time of rates that do not say when they were fetched */
    static List<FxRate> read(List<FxRateInput> inputs, Instant now) {
        if (inputs.size() > MAX_RATES) {
            throw ApiException.badInput("rates", "At most " + MAX_RATES + " rates per call (got " + inputs.size() + ")");
        }
        List<FxRate> rates = new ArrayList<>(inputs.size());
        Map<FxRate.Key, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            FxRate rate = read(inputs.get(i), "rates[" + i + "]", now);
            Integer earlier = seen.putIfAbsent(rate.key(), i);
            if (earlier != null) {
                throw ApiException.badInput("rates[" + i + "]", "rates[" + i + "] repeats the pair " + rate.base() + "/"
                        + rate.quote() + " on " + rate.date() + " of rates[" + earlier + "]");
            }
            rates.add(rate);
        }
        return rates;
    }

    private static FxRate read(FxRateInput input, String field, Instant now) {
        String base = currency(field + ".base", input.base());
        String quote = currency(field + ".quote", input.quote());
        if (base.equals(quote)) {
            throw ApiException.badInput(field + ".quote", "'quote' must differ from 'base' (" + base + ")");
        }
        if (!Double.isFinite(input.rate()) || input.rate() <= 0) {
            throw ApiException.badInput(field + ".rate", "'rate' must be greater than 0 (was " + input.rate() + ")");
        }
        String source = input.source().strip();
        if (source.isEmpty() || source.length() > MAX_SOURCE_LENGTH) {
            throw ApiException.badInput(field + ".source", "'source' must be 1 to " + MAX_SOURCE_LENGTH + " characters");
        }
        // BigDecimal.valueOf takes the shortest decimal that round-trips: 1.0823, not 1.08229999999999992...
        return new FxRate(base, quote, input.date(), BigDecimal.valueOf(input.rate()), source, input.fetchedAt().orElse(now));
    }

    private static String currency(String field, String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.length() == 3) {
                Currency.getInstance(upper);
                return upper;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the field
        }
        throw ApiException.badInput(field, "'" + code + "' is not an ISO 4217 currency code");
    }
}
