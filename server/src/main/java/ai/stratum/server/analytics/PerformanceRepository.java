package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Runs the grouped performance statement ({@link PerformanceSql}) on the caller's tenant-scoped connection. */
@Singleton
class PerformanceRepository {

    /** @param currency the tenant's currency, which every amount is converted to */
    Flux<PerformancePart> parts(Connection connection, TenantId tenant, PerformanceQuery query, String currency) {
        String[] platforms = query.platforms().stream().map(Platform::name).toArray(String[]::new);
        return Sql.of(connection, PerformanceSql.statement(query), tenant.value(), platforms, query.from(), query.to(), currency)
                .rows(row -> part(row, currency));
    }

    private static PerformancePart part(Readable row, String currency) {
        LocalDate firstDay = row.get("first_day", LocalDate.class);
        String missingCurrency = row.get("missing_currency", String.class);
        if (missingCurrency != null) {
            return new PerformancePart(group(row), Optional.empty(),
                    Optional.of(new MissingFxRate(missingCurrency, currency, firstDay)), PerformanceTotals.ZERO);
        }
        PerformanceTotals totals = new PerformanceTotals(row.get("spend_micros", Long.class), row.get("revenue_micros", Long.class),
                row.get("impressions", Long.class), row.get("clicks", Long.class), row.get("conversions", Double.class));
        return new PerformancePart(group(row), fx(row, firstDay), Optional.empty(), totals);
    }

    private static PerformanceGroup group(Readable row) {
        return new PerformanceGroup(
                Optional.ofNullable(row.get("platform", String.class)).map(Platform::valueOf),
                Optional.ofNullable(row.get("account_id", String.class)),
                Optional.ofNullable(row.get("campaign_id", String.class)),
                Optional.ofNullable(row.get("campaign_name", String.class)),
                Optional.ofNullable(row.get("day", LocalDate.class)));
    }

    private static Optional<FxConversion> fx(Readable row, LocalDate firstDay) {
        BigDecimal rate = row.get("rate", BigDecimal.class);
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(new FxConversion(row.get("base_currency", String.class), row.get("quote_currency", String.class),
                rate.stripTrailingZeros(), row.get("rate_date", LocalDate.class), row.get("source", String.class), firstDay,
                row.get("last_day", LocalDate.class)));
    }
}
