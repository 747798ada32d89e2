package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.ml.cache.CacheLifetime;
import ai.stratum.server.ml.cache.CachedOperation;
import ai.stratum.server.ml.cache.MlCache;
import ai.stratum.server.ml.forecast.Forecaster;
import ai.stratum.server.ml.simulation.BudgetSimulation;
import ai.stratum.server.ml.simulation.BudgetSimulationInput;
import ai.stratum.server.ml.simulation.BudgetSimulator;
import ai.stratum.server.ml.simulation.FittedResponseCurve;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code simulateBudget}: seed 001's budget simulation of one of the tenant's campaigns, from its
 * settled daily history (the {@value #HISTORY_DAYS} days up to a week ago: younger days' conversions
 * are still arriving), cached for the ROAS lifetime until the tenant's data changes. Every role may
 * simulate; nothing is changed.
 */
@Singleton
public class BudgetSimulationService {

    static final int HISTORY_DAYS = 90;
    static final CachedOperation OPERATION = CachedOperation.fromTenantData("simulateBudget", BudgetSimulator.VERSION,
            CacheLifetime.ROAS);

    private final Database database;
    private final TenantCalendar calendar;
    private final CampaignLookup campaigns;
    private final CampaignHistoryRepository history;
    private final MlCache cache;
    private final MlComputation computation;
    private final BudgetSimulator simulator = new BudgetSimulator();
    private final Clock clock;

    BudgetSimulationService(Database database, TenantCalendar calendar, CampaignLookup campaigns, CampaignHistoryRepository history,
                            MlCache cache, MlComputation computation, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.history = history;
        this.cache = cache;
        this.computation = computation;
        this.clock = clock;
    }

    Mono<BudgetSimulationView> simulate(Caller caller, BudgetSimulationRequest request) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return calendar.tenant(tenant)
                .flatMap(found -> {
                    LocalDate today = calendar.today(found);
                    return cache.get(OPERATION, tenant, Map.of("request", request, "today", today),
                            Argument.of(BudgetSimulationView.class), () -> compute(tenant, request, today));
                });
    }

    private Mono<BudgetSimulationView> compute(TenantId tenant, BudgetSimulationRequest request, LocalDate today) {
        LocalDate to = today.minusDays(Forecaster.REVENUE_SETTLING_DAYS + 1L);
        LocalDate from = to.minusDays(HISTORY_DAYS - 1L);
        return database.inTenantOne(tenant, connection -> campaigns.platformOf(connection, tenant, request.campaignId(), request.platform())
                        .flatMap(platform -> history.days(connection, tenant, platform, request.campaignId(), from, to).collectList()
                                .map(rows -> new Loaded(platform, rows))))
                .flatMap(loaded -> computation.run(() -> simulate(request, loaded, from, to)));
    }

    private BudgetSimulationView simulate(BudgetSimulationRequest request, Loaded loaded, LocalDate from, LocalDate to) {
        // a campaign whose account changed currency: its newest currency's days, never a mix
        String currency = loaded.rows().isEmpty() ? "" : loaded.rows().get(loaded.rows().size() - 1).currency();
        List<CampaignDayRow> rows = loaded.rows().stream().filter(row -> row.currency().equals(currency)).toList();
        BudgetSimulationInput input;
        try {
            input = new BudgetSimulationInput(request.baseBudget(), request.scenarios(), request.timeHorizonDays(),
                    request.simulations(), request.seed(), rows.stream().map(CampaignDayRow::performance).toList());
        } catch (InvalidMlInputException e) {
            if (e.field().startsWith("history")) {
                throw new InvalidMlInputException("campaignId", "campaign '" + request.campaignId() + "' on " + loaded.platform()
                        + " cannot be simulated from its settled history (" + from + " to " + to + "): "
                        + e.getMessage().substring(e.field().length() + 2));
            }
            throw e;
        }
        BudgetSimulation simulation = simulator.simulate(input);
        FittedResponseCurve fit = simulation.responseCurve();
        return new BudgetSimulationView(request.campaignId(), loaded.platform(), currency,
                new BudgetSimulationView.Baseline(simulation.baseline().spend(), simulation.baseline().revenue(),
                        simulation.baseline().roas(), simulation.baseline().conversions()),
                simulation.scenarios().stream().map(s -> new BudgetSimulationView.Scenario(s.name(), s.spend(), s.revenue(), s.roas(),
                        s.conversions(), s.marginalRoas(), s.confidenceInterval())).toList(),
                new BudgetSimulationView.Curve(fit.curve().maxDailyRevenue(), fit.curve().saturationSpend(),
                        fit.saturationSpendInterval(), fit.relativeNoise(), fit.days(), from, to),
                clock.instant());
    }

    private record Loaded(Platform platform, List<CampaignDayRow> rows) {
    }
}
