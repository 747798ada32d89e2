package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** {@code anomalies} and {@code anomalyDetected}: the anomalies the scans found. Every role may read them. */
@Singleton
public class AnomalyService {

    /** A quarter: what an anomaly list is read over, and bounded so a list stays a list. */
    static final int MAX_RANGE_DAYS = 92;

    private final Database database;
    private final AnomalyRepository anomalies;
    private final AnomalyFeed feed;

    AnomalyService(Database database, AnomalyRepository anomalies, AnomalyFeed feed) {
        this.database = database;
        this.anomalies = anomalies;
        this.feed = feed;
    }

    Flux<AnomalyView> between(Caller caller, LocalDate from, LocalDate to, Optional<Platform> platform, Optional<String> campaignId,
                              Optional<AnomalyMethod> method) {
        caller.require(Role.VIEWER);
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ApiException.badInput("to", "At most " + MAX_RANGE_DAYS + " days per request; " + from + " to " + to + " is "
                    + (ChronoUnit.DAYS.between(from, to) + 1) + " days");
        }
        TenantId tenant = caller.tenant();
        return database.inTenant(tenant, connection -> anomalies.between(connection, tenant, from, to, platform, campaignId, method));
    }

    Flux<AnomalyView> detected(Caller caller, Optional<Platform> platform, Optional<AnomalyMethod> method) {
        caller.require(Role.VIEWER);
        return feed.detected(caller.tenant(), platform, method);
    }
}
