package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grouped performance statement reads a tenant's days in range through the (tenant_id,
 * platform, date) index, not through every day the tenant ever had.
 */
class PerformanceIndexTest {

    @Test
    void aMonthOfATenantsTwoYearsIsReadThroughThePlatformDateIndex() throws SQLException {
        UUID tenant = UUID.randomUUID();
        try (Connection owner = TestDatabase.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO tenants (id, name, currency, timezone) VALUES ('" + tenant + "', 'index-" + tenant + "', 'USD', 'UTC')");
            // 40 campaigns on each platform, two years of days each
            statement.execute("INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, currency) "
                    + "SELECT '" + tenant + "', platform, 'c' || campaign, DATE '2024-01-01' + day, 1000000, 'USD' "
                    + "FROM unnest(ARRAY['META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT']) AS platform, generate_series(1, 40) AS campaign, "
                    + "generate_series(0, 730) AS day");
            statement.execute("ANALYZE campaign_daily_performance");
        }
        PerformanceQuery march = new PerformanceQuery(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), List.of(Platform.values()),
                List.of(PerformanceDimension.CAMPAIGN, PerformanceDimension.DATE));

        String plan = explain(tenant, march);

        assertThat(plan).contains("campaign_daily_performance_platform_date");
    }

    /** The plan as the application role sees it, with the statement's parameters in place. */
    private static String explain(UUID tenant, PerformanceQuery query) throws SQLException {
        String sql = PerformanceSql.statement(query)
                .replace("$1", "'" + tenant + "'::uuid")
                .replace("$2", "ARRAY['META', 'GOOGLE', 'TIKTOK', 'SNAPCHAT']")
                .replace("$3", "DATE '" + query.from() + "'")
                .replace("$4", "DATE '" + query.to() + "'")
                .replace("$5", "'USD'");
        try (Connection connection = TestDatabase.ownerConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement scope = connection.prepareStatement(
                    "SELECT set_config('role', 'stratum_app', true), set_config('stratum.tenant_id', ?, true)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            StringBuilder plan = new StringBuilder();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
            return plan.toString();
        }
    }
}
