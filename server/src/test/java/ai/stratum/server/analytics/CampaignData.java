package ai.stratum.server.analytics;

import ai.stratum.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;

/** Writes campaigns and their days straight into the database, as the connectors' sync does. */
final class CampaignData {

    private final UUID tenant;

    CampaignData(String tenant) {
        this.tenant = UUID.fromString(tenant);
    }

    void campaign(String platform, String account, String campaign, String name, String status, Long budgetMicros,
                  String currency) {
        execute("INSERT INTO campaigns (tenant_id, platform, account_id, campaign_id, name, status, objective, budget_micros, "
                        + "budget_period, currency, account_timezone) VALUES (?, ?, ?, ?, ?, ?, 'OUTCOME_SALES', ?, ?, ?, 'Europe/Berlin')",
                tenant, platform, account, campaign, name, status, budgetMicros, budgetMicros == null ? null : "DAILY", currency);
    }

    void day(Day day) {
        execute("INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, revenue_micros, "
                        + "conversions, impressions, clicks, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, day.platform(), day.campaign(), day.date(), day.spendMicros(), day.revenueMicros(), day.conversions(),
                day.impressions(), day.clicks(), day.currency());
    }

    private static void execute(String sql, Object... parameters) {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.OTHER);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One campaign's results on one day, in the campaign's currency. */
    record Day(String platform, String account, String campaign, String name, LocalDate date, String currency, long spendMicros,
               long revenueMicros, long impressions, long clicks, double conversions) {
    }
}
