package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.LocalDate;

/** SQL for the daily history the ML engine learns from: {@code campaigns} and {@code campaign_daily_performance}. */
@Singleton
class CampaignHistoryRepository {

    private static final String COLUMNS = "platform, campaign_id, date, spend_micros, revenue_micros, conversions, impressions, clicks, "
            + "currency";

    /** The platforms a campaign id is known on, from its settings or its results. */
    Flux<Platform> platformsOf(Connection connection, TenantId tenant, String campaignId) {
        return Sql.of(connection, "SELECT platform FROM campaigns WHERE tenant_id = $1 AND campaign_id = $2 "
                                + "UNION SELECT DISTINCT platform FROM campaign_daily_performance WHERE tenant_id = $1 AND campaign_id = $2 "
                                + "ORDER BY platform",
                        tenant.value(), campaignId)
                .rows(row -> Platform.valueOf(row.get("platform", String.class)));
    }

    /** One campaign's days in the range, oldest first (primary-key order). */
    Flux<CampaignDayRow> days(Connection connection, TenantId tenant, Platform platform, String campaignId, LocalDate from,
                              LocalDate to) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM campaign_daily_performance WHERE tenant_id = $1 AND platform = $2 "
                                + "AND campaign_id = $3 AND date BETWEEN $4 AND $5 ORDER BY date",
                        tenant.value(), platform.name(), campaignId, from, to)
                .rows(CampaignHistoryRepository::map);
    }

    /** Every campaign's days in the range, campaign by campaign, each oldest first. */
    Flux<CampaignDayRow> allDays(Connection connection, TenantId tenant, LocalDate from, LocalDate to) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM campaign_daily_performance WHERE tenant_id = $1 "
                                + "AND date BETWEEN $2 AND $3 ORDER BY platform, campaign_id, date",
                        tenant.value(), from, to)
                .rows(CampaignHistoryRepository::map);
    }

    private static CampaignDayRow map(Readable row) {
        return new CampaignDayRow(Platform.valueOf(row.get("platform", String.class)), row.get("campaign_id", String.class),
                row.get("date", LocalDate.class), row.get("spend_micros", Long.class), row.get("revenue_micros", Long.class),
                row.get("conversions", Double.class), row.get("impressions", Long.class), row.get("clicks", Long.class),
                row.get("currency", String.class).strip());
    }
}
