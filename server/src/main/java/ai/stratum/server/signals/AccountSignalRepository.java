package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.SignalSnapshot;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** SQL for {@code account_signals}: the newest snapshot of each platform account. */
@Singleton
class AccountSignalRepository {

    private static final String COLUMNS = "platform, account_id, emq_scores, last_received_at, platform_revenue, analytics_revenue, "
            + "cdp_emq_score, current_metrics, history_metrics";

    private final JsonMapper json;

    AccountSignalRepository(JsonMapper json) {
        this.json = json;
    }

    Mono<Long> upsert(Connection connection, TenantId tenant, SignalSnapshot snapshot) {
        return Sql.of(connection,
                        "INSERT INTO account_signals (tenant_id, " + COLUMNS + ", received_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()) "
                                + "ON CONFLICT (tenant_id, platform, account_id) DO UPDATE SET emq_scores = EXCLUDED.emq_scores, "
                                + "last_received_at = EXCLUDED.last_received_at, platform_revenue = EXCLUDED.platform_revenue, "
                                + "analytics_revenue = EXCLUDED.analytics_revenue, cdp_emq_score = EXCLUDED.cdp_emq_score, "
                                + "current_metrics = EXCLUDED.current_metrics, history_metrics = EXCLUDED.history_metrics, "
                                + "received_at = now()",
                        tenant.value(), snapshot.platform().name(), snapshot.accountId(),
                        snapshot.emqScores().toArray(Double[]::new),
                        Sql.nullable(snapshot.lastReceivedAt().map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null), OffsetDateTime.class),
                        Sql.nullable(boxed(snapshot.platformRevenue()), Double.class),
                        Sql.nullable(boxed(snapshot.analyticsRevenue()), Double.class),
                        Sql.nullable(boxed(snapshot.cdpEmqScore()), Double.class),
                        Sql.nullable(snapshot.current().map(day -> Json.of(write(StoredMetrics.of(day)))).orElse(null), Json.class),
                        Json.of(write(snapshot.history().stream().map(StoredMetrics::of).toList())))
                .update();
    }

    Mono<SignalSnapshot> find(Connection connection, TenantId tenant, Platform platform, String accountId) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM account_signals WHERE tenant_id = $1 AND platform = $2 AND account_id = $3",
                        tenant.value(), platform.name(), accountId)
                .row(this::map);
    }

    Flux<SignalSnapshot> all(Connection connection, TenantId tenant, Optional<Platform> platform) {
        if (platform.isPresent()) {
            return Sql.of(connection, "SELECT " + COLUMNS + " FROM account_signals WHERE tenant_id = $1 AND platform = $2 "
                    + "ORDER BY platform, account_id", tenant.value(), platform.get().name()).rows(this::map);
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM account_signals WHERE tenant_id = $1 ORDER BY platform, account_id",
                tenant.value()).rows(this::map);
    }

    private SignalSnapshot map(Readable row) {
        Double[] emq = row.get("emq_scores", Double[].class);
        OffsetDateTime lastReceived = row.get("last_received_at", OffsetDateTime.class);
        Json current = row.get("current_metrics", Json.class);
        return new SignalSnapshot(
                Platform.valueOf(row.get("platform", String.class)),
                row.get("account_id", String.class),
                emq == null ? List.of() : Arrays.asList(emq),
                Optional.ofNullable(lastReceived).map(OffsetDateTime::toInstant),
                optional(row.get("platform_revenue", Double.class)),
                optional(row.get("analytics_revenue", Double.class)),
                Optional.ofNullable(current).map(value -> read(value.asString(), StoredMetrics.class).toMetrics()),
                history(row.get("history_metrics", Json.class)),
                optional(row.get("cdp_emq_score", Double.class)));
    }

    private List<DailyMetrics> history(Json value) {
        List<StoredMetrics> days = read(value.asString(), Argument.listOf(StoredMetrics.class));
        return days.stream().map(StoredMetrics::toMetrics).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        return read(text, Argument.of(type));
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
