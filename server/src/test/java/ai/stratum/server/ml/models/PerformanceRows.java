package ai.stratum.server.ml.models;

import ai.stratum.server.ml.roas.CampaignDay;
import ai.stratum.server.ml.roas.CampaignHistory;
import ai.stratum.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Writes campaigns' daily performance straight into the database, as the connectors' sync does. */
final class PerformanceRows {

    private PerformanceRows() {
    }

    static void insert(String tenant, List<CampaignHistory> histories) {
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement statement = owner.prepareStatement("INSERT INTO campaign_daily_performance (tenant_id, platform, "
                     + "campaign_id, date, spend_micros, revenue_micros, conversions, impressions, clicks, currency) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD')")) {
            for (CampaignHistory history : histories) {
                for (CampaignDay day : history.days()) {
                    statement.setObject(1, UUID.fromString(tenant));
                    statement.setString(2, history.platform().name());
                    statement.setString(3, history.campaignId());
                    statement.setObject(4, day.date());
                    statement.setLong(5, Math.round(day.spend() * 1e6));
                    statement.setLong(6, Math.round(day.revenue() * 1e6));
                    statement.setDouble(7, day.conversions());
                    statement.setLong(8, day.impressions());
                    statement.setLong(9, day.clicks());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
