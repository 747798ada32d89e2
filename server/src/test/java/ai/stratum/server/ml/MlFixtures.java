package ai.stratum.server.ml;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tenants, users and campaign histories for the ML engine's GraphQL tests: campaigns written straight
 * into the database as a connector sync writes them, their days taken from the sandbox's simulator.
 */
public final class MlFixtures {

    public static final String PASSWORD = "a-long-enough-password";

    private MlFixtures() {
    }

    /** @return a new tenant's id, in UTC and US dollars */
    public static String tenant(GraphQLClient superAdmin, String name) {
        return superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }", Map.of("n", name))
                .assertNoErrors().data("createTenant.id");
    }

    /** @return the e-mail of a new user of the tenant with that role */
    public static String user(GraphQLClient superAdmin, String tenant, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return email;
    }

    /** Today in UTC, the test tenants' time zone. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * The sandbox campaign's settled days ending at the sandbox's last settled day, moved to end on
     * {@code lastDay}.
     */
    public static List<DayOutcome> sandboxDays(SandboxAccount account, SimulatedCampaign campaign, LocalDate lastDay, int days) {
        LocalDate sandboxLast = SandboxAccount.END.minusDays(8);
        long shift = ChronoUnit.DAYS.between(sandboxLast, lastDay);
        List<DayOutcome> moved = new ArrayList<>();
        for (DayOutcome day : account.settled(campaign.id(), sandboxLast.minusDays(days - 1L), sandboxLast)) {
            moved.add(new DayOutcome(day.campaignId(), day.date().plusDays(shift), day.spendMicros(), day.impressions(), day.clicks(),
                    day.conversions(), day.revenueMicros()));
        }
        return moved;
    }

    public static void campaign(String tenant, String platform, String campaignId, String currency) {
        execute(List.of(List.of(UUID.fromString(tenant), platform, "act_" + campaignId, campaignId, "Campaign " + campaignId, "ACTIVE",
                        currency)),
                "INSERT INTO campaigns (tenant_id, platform, account_id, campaign_id, name, status, currency) VALUES (?, ?, ?, ?, ?, ?, ?)");
    }

    /** Writes the days under the campaign id, replacing what was stored for those dates. */
    public static void days(String tenant, String platform, String campaignId, String currency, List<DayOutcome> days) {
        List<List<Object>> rows = new ArrayList<>();
        for (DayOutcome day : days) {
            rows.add(List.of(UUID.fromString(tenant), platform, campaignId, day.date(), day.spendMicros(), day.revenueMicros(),
                    (double) day.conversions(), day.impressions(), day.clicks(), currency));
        }
        execute(rows, "INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, revenue_micros, "
                + "conversions, impressions, clicks, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (tenant_id, platform, campaign_id, date) DO UPDATE SET spend_micros = EXCLUDED.spend_micros, "
                + "revenue_micros = EXCLUDED.revenue_micros, conversions = EXCLUDED.conversions, impressions = EXCLUDED.impressions, "
                + "clicks = EXCLUDED.clicks, currency = EXCLUDED.currency");
    }

    /** Runs SQL as the database owner, bypassing row-level security as a test's set-up may. */
    public static void execute(List<List<Object>> rows, String sql) {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    statement.setObject(i + 1, row.get(i));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
