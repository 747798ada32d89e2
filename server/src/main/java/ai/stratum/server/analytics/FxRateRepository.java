package ai.stratum.server.analytics;

import ai.stratum.server.database.Sql;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** SQL for {@code fx_rates}, a table shared by all tenants (no tenant_id, no row-level security). */
@Singleton
class FxRateRepository {

    /** Rows per INSERT: six parameters each, far below PostgreSQL's 65535 per statement. */
    private static final int CHUNK = 500;

    /** Inserts the rates, replacing the rate of a pair and day already stored; returns the rows written. */
    Mono<Long> upsert(Connection connection, List<FxRate> rates) {
        List<List<FxRate>> chunks = new ArrayList<>();
        for (int start = 0; start < rates.size(); start += CHUNK) {
            chunks.add(rates.subList(start, Math.min(rates.size(), start + CHUNK)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> upsertChunk(connection, chunk))
                .reduce(0L, Long::sum);
    }

    private static Mono<Long> upsertChunk(Connection connection, List<FxRate> rates) {
        StringJoiner values = new StringJoiner(", ");
        List<Object> parameters = new ArrayList<>(rates.size() * 6);
        for (FxRate rate : rates) {
            int n = parameters.size();
            values.add("($" + (n + 1) + ", $" + (n + 2) + ", $" + (n + 3) + ", $" + (n + 4) + ", $" + (n + 5) + ", $" + (n + 6) + ")");
            parameters.add(rate.base());
            parameters.add(rate.quote());
            parameters.add(rate.date());
            parameters.add(rate.rate());
            parameters.add(rate.source());
            parameters.add(rate.fetchedAt().atOffset(ZoneOffset.UTC));
        }
        return Sql.of(connection, "INSERT INTO fx_rates (base_currency, quote_currency, date, rate, source, fetched_at) VALUES "
                        + values + " ON CONFLICT (base_currency, quote_currency, date) DO UPDATE SET rate = EXCLUDED.rate, "
                        + "source = EXCLUDED.source, fetched_at = EXCLUDED.fetched_at, updated_at = now()",
                parameters.toArray()).update();
    }
}
