package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Optional;

/** {@code dailyForecasts}: what the daily job stored, for dashboards that show every campaign's forecast at once. */
@Singleton
public class StoredForecastService {

    private final Database database;
    private final ForecastService forecasts;
    private final ForecastRepository stored;

    StoredForecastService(Database database, ForecastService forecasts, ForecastRepository stored) {
        this.database = database;
        this.forecasts = forecasts;
        this.stored = stored;
    }

    Flux<ForecastView> madeOn(Caller caller, Optional<LocalDate> date, Optional<ForecastLevel> level, Optional<Platform> platform) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        Mono<LocalDate> day = date.map(Mono::just).orElseGet(() -> forecasts.tenant(tenant).map(forecasts::today));
        return day.flatMapMany(madeOn -> database.inTenant(tenant, connection -> stored.madeOn(connection, tenant, madeOn, level, platform)));
    }
}
