package ai.stratum.server.ml.models;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.ml.roas.CampaignDay;
import ai.stratum.server.ml.roas.CampaignHistory;
import ai.stratum.server.ml.roas.CampaignHistoryFeatures;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What ROAS training reads of {@code campaign_daily_performance}. */
@Singleton
class CampaignPerformanceRepository {

    /**
     * @return how many of the tenant's campaigns have at least 30 days with spend, and how many have any row
     */
    Mono<CampaignCounts> counts(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT count(*) AS campaigns, count(*) FILTER (WHERE delivery_days >= $2) AS qualified "
                        + "FROM (SELECT count(*) FILTER (WHERE spend_micros > 0) AS delivery_days FROM campaign_daily_performance "
                        + "WHERE tenant_id = $1 GROUP BY platform, campaign_id) per_campaign",
                tenant.value(), (long) CampaignHistoryFeatures.HISTORY_DAYS)
                .row(row -> new CampaignCounts(row.get("campaigns", Long.class), row.get("qualified", Long.class)));
    }

    /** @return every campaign's daily rows since {@code from}, one history per campaign */
    Flux<CampaignHistory> histories(Connection connection, TenantId tenant, LocalDate from) {
        return Sql.of(connection, "SELECT platform, campaign_id, date, spend_micros, revenue_micros, impressions, clicks, "
                                + "conversions FROM campaign_daily_performance WHERE tenant_id = $1 AND date >= $2 "
                                + "ORDER BY platform, campaign_id, date",
                        tenant.value(), from)
                .rows(row -> new Row(Platform.valueOf(row.get("platform", String.class)), row.get("campaign_id", String.class),
                        CampaignDay.ofMicros(row.get("date", LocalDate.class), row.get("spend_micros", Long.class),
                                row.get("revenue_micros", Long.class), row.get("impressions", Long.class),
                                row.get("clicks", Long.class), row.get("conversions", Double.class))))
                .bufferUntilChanged(row -> row.platform() + ":" + row.campaignId())
                .map(rows -> {
                    List<CampaignDay> days = new ArrayList<>(rows.size());
                    rows.forEach(row -> days.add(row.day()));
                    return new CampaignHistory(rows.get(0).platform(), rows.get(0).campaignId(), days);
                });
    }

    /**
     * @param campaigns campaigns with any performance row
     * @param qualified of them, those with at least 30 days with spend
     */
    record CampaignCounts(long campaigns, long qualified) {
    }

    private record Row(Platform platform, String campaignId, CampaignDay day) {
    }
}
