package ai.stratum.server.ml.models;

import ai.stratum.server.support.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a shop's visitors' events straight into the customer data platform's tables, as ingestion stores
 * them (Segment spec: page views with their URL and referrer in {@code context.page}, "Product Added" with
 * {@code price} and {@code quantity}, "Order Completed"), so conversion training has sessions to learn from.
 *
 * <p>Each visitor has a device and 1-4 visits a few days apart. A visit has a hidden intent that sets how
 * many pages are viewed (20-90 s apart), whether products are added, and whether it ends in an order:
 * the more pages and the fuller the cart, the likelier.
 */
final class CdpEvents {

    private static final String[] AGENTS = {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)"};
    private static final String[][] ARRIVALS = {{"", ""}, {"https://www.google.com/search?q=shoes", ""},
            {"https://l.instagram.com/", ""}, {"", "cpc"}};

    private CdpEvents() {
    }

    /** @return how many events were written */
    static int write(String tenantId, long seed, int visitors, Instant end) {
        UUID tenant = UUID.fromString(tenantId);
        SplittableRandom random = new SplittableRandom(seed);
        UUID source = UUID.randomUUID();
        int events = 0;
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement insertSource = owner.prepareStatement(
                    "INSERT INTO cdp_sources (tenant_id, id, name, kind) VALUES (?, ?, 'Test shop', 'GRAPHQL')")) {
                insertSource.setObject(1, tenant);
                insertSource.setObject(2, source);
                insertSource.executeUpdate();
            }
            try (PreparedStatement profile = owner.prepareStatement("INSERT INTO cdp_profiles (tenant_id, id, created_at, updated_at, "
                    + "lifecycle, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, 'ANONYMOUS', ?, ?)");
                 PreparedStatement event = owner.prepareStatement("INSERT INTO cdp_events (tenant_id, id, source_id, message_id, type, "
                         + "event, anonymous_id, profile_id, timestamp, received_at, properties, context) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                for (int v = 0; v < visitors; v++) {
                    UUID id = UUID.randomUUID();
                    Timestamp first = Timestamp.from(end.minusSeconds(60L * 86_400));
                    profile.setObject(1, tenant);
                    profile.setObject(2, id);
                    for (int p = 3; p <= 6; p++) {
                        profile.setTimestamp(p, first);
                    }
                    profile.addBatch();
                    String agent = AGENTS[random.nextInt(AGENTS.length)];
                    Instant at = end.minusSeconds(50L * 86_400 + random.nextInt(86_400 * 5));
                    int visits = 1 + random.nextInt(4);
                    for (int visit = 0; visit < visits; visit++) {
                        String[] arrival = ARRIVALS[random.nextInt(ARRIVALS.length)];
                        double intent = random.nextDouble() * 2 - 1;
                        int pages = 1 + (int) Math.round(Math.max(0, 3 + 3 * intent + random.nextDouble() * 2));
                        double cart = 0;
                        for (int page = 0; page < pages; page++) {
                            String url = "https://shop.test/p/" + page + (page == 0 && arrival[1].equals("cpc") ? "?gclid=x" : "");
                            String referrer = page == 0 ? arrival[0] : "https://shop.test/";
                            add(event, tenant, source, id, at, "PAGE", null, "{}", context(url, referrer,
                                    page == 0 ? arrival[1] : "", agent));
                            events++;
                            at = at.plusSeconds(20 + random.nextInt(70));
                            if (random.nextDouble() < 0.12 + 0.15 * intent) {
                                double price = Math.round((10 + 90 * random.nextDouble()) * 100) / 100.0;
                                add(event, tenant, source, id, at, "TRACK", "Product Added",
                                        "{\"price\": " + price + ", \"quantity\": 1}", context(url, "", "", agent));
                                events++;
                                cart += price;
                                at = at.plusSeconds(15);
                            }
                        }
                        double logOdds = -3.2 + 1.6 * intent + 0.25 * pages + (cart > 0 ? 1.5 : 0);
                        if (random.nextDouble() < 1 / (1 + Math.exp(-logOdds))) {
                            add(event, tenant, source, id, at, "TRACK", "Order Completed",
                                    "{\"revenue\": " + Math.max(cart, 20) + ", \"currency\": \"USD\"}", context("", "", "", agent));
                            events++;
                        }
                        at = at.plusSeconds(86_400L + random.nextInt(6 * 86_400));
                    }
                    if (v % 100 == 99) {
                        profile.executeBatch();
                        event.executeBatch();
                    }
                }
                profile.executeBatch();
                event.executeBatch();
            }
            owner.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    private static String context(String url, String referrer, String medium, String agent) {
        return "{\"userAgent\": \"" + agent + "\", \"page\": {\"url\": \"" + url + "\", \"referrer\": \"" + referrer + "\"}"
                + (medium.isEmpty() ? "" : ", \"campaign\": {\"medium\": \"" + medium + "\"}") + "}";
    }

    private static void add(PreparedStatement event, UUID tenant, UUID source, UUID profile, Instant at, String type, String name,
                            String properties, String context) throws SQLException {
        event.setObject(1, tenant);
        event.setObject(2, UUID.randomUUID());
        event.setObject(3, source);
        event.setString(4, UUID.randomUUID().toString());
        event.setString(5, type);
        event.setString(6, name);
        event.setString(7, "anon-" + profile);
        event.setObject(8, profile);
        event.setTimestamp(9, Timestamp.from(at));
        event.setTimestamp(10, Timestamp.from(at));
        event.setString(11, properties);
        event.setString(12, context);
        event.addBatch();
    }
}
