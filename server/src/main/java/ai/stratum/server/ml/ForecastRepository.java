package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.forecast.ForecastDay;
import ai.stratum.server.ml.forecast.Forecaster;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code ml_forecasts}, the daily job's forecasts. */
@Singleton
class ForecastRepository {

    private static final Argument<List<ForecastDay>> DAYS = Argument.listOf(ForecastDay.class);

    private final JsonMapper json;

    ForecastRepository(JsonMapper json) {
        this.json = json;
    }

    /** Stores the day's forecast, replacing one made earlier the same day. */
    Mono<Long> upsert(Connection connection, TenantId tenant, LocalDate madeOn, ForecastView forecast) {
        return Sql.of(connection, """
                        INSERT INTO ml_forecasts (tenant_id, made_on, level, platform, campaign_id, currency, method, history_days, history_end,
                                                  revenue_settled_through, days, computed_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        ON CONFLICT (tenant_id, made_on, level, platform, campaign_id) DO UPDATE SET currency = EXCLUDED.currency,
                            method = EXCLUDED.method, history_days = EXCLUDED.history_days, history_end = EXCLUDED.history_end,
                            revenue_settled_through = EXCLUDED.revenue_settled_through, days = EXCLUDED.days,
                            computed_at = EXCLUDED.computed_at
                        """, tenant.value(), madeOn, forecast.level().name(), forecast.platform().name(),
                        forecast.campaignId() == null ? "" : forecast.campaignId(), forecast.currency(), forecast.method(),
                        forecast.historyDays(), forecast.historyEnd(), forecast.revenueSettledThrough(), Json.of(write(forecast.days())),
                        forecast.computedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Flux<ForecastView> madeOn(Connection connection, TenantId tenant, LocalDate madeOn, Optional<ForecastLevel> level,
                              Optional<Platform> platform) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value(), madeOn));
        StringBuilder sql = new StringBuilder("SELECT level, platform, campaign_id, currency, method, history_days, history_end, "
                + "revenue_settled_through, days, computed_at FROM ml_forecasts WHERE tenant_id = $1 AND made_on = $2");
        level.ifPresent(l -> {
            parameters.add(l.name());
            sql.append(" AND level = $").append(parameters.size());
        });
        platform.ifPresent(p -> {
            parameters.add(p.name());
            sql.append(" AND platform = $").append(parameters.size());
        });
        sql.append(" ORDER BY level, platform, campaign_id");
        return Sql.of(connection, sql.toString(), parameters.toArray()).rows(this::map);
    }

    /** Drops the forecasts made before {@code before}. */
    Mono<Long> deleteBefore(Connection connection, TenantId tenant, LocalDate before) {
        return Sql.of(connection, "DELETE FROM ml_forecasts WHERE tenant_id = $1 AND made_on < $2", tenant.value(), before).update();
    }

    private ForecastView map(Readable row) {
        String campaignId = row.get("campaign_id", String.class);
        List<ForecastDay> days;
        try {
            days = json.readValue(row.get("days", Json.class).asString(), DAYS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ForecastView(ForecastLevel.valueOf(row.get("level", String.class)), Platform.valueOf(row.get("platform", String.class)),
                campaignId.isEmpty() ? null : campaignId, row.get("currency", String.class).strip(), row.get("method", String.class),
                Forecaster.INTERVAL_LEVEL, row.get("history_days", Integer.class),
                row.get("history_end", LocalDate.class), row.get("revenue_settled_through", LocalDate.class), days,
                row.get("computed_at", OffsetDateTime.class).toInstant());
    }

    private String write(List<ForecastDay> days) {
        try {
            return json.writeValueAsString(days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
