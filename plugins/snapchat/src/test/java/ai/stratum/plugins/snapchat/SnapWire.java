package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.testkit.Fixtures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The Snap answers the tests serve. The copied fixtures are used as they are; the answers no fixture
 * covers (an ad account, one campaign, an ad squad, account totals, segments) are built here in the
 * documented envelope ({@code request_status}, {@code request_id}, {@code <things>[{sub_request_status,
 * <thing>}]}), with the scenario's values: the fixtures' ad account, in USD and America/Los_Angeles.
 */
final class SnapWire {

    static final String ACCOUNT_ID = "8adc3db7-8148-4fbf-999c-8d2266369d74";
    static final String SALES_PIXEL = "6cf25572-048b-4447-95d1-eb47d2521f49";
    static final String CATALOG_RETARGETING = "0f2a4c8e-6b1d-4e3f-9a7c-5d8e2b1f0a93";
    static final String AWARENESS = "b3e1d7a2-5c49-4f80-8e6b-1a2c3d4e5f60";
    static final List<String> CAMPAIGNS = List.of(SALES_PIXEL, CATALOG_RETARGETING, AWARENESS);
    static final String AD_SQUAD_ID = "c7b98952-4c6e-4f95-8cd1-cf0f17a77988";
    static final String AD_ID = "8ade8ef7-0cde-4eaa-bde6-990133575229";
    static final String TOKEN = "snap-test-access-token";

    private SnapWire() {
    }

    static Credentials credentials() {
        return Credentials.of(Map.of(Credentials.ACCESS_TOKEN, TOKEN));
    }

    static String fixture(String path) {
        return Fixtures.read(path);
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) SnapJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String statsFixture(String campaignId) {
        String name = campaignId.equals(SALES_PIXEL) ? "sales-pixel"
                : campaignId.equals(CATALOG_RETARGETING) ? "catalog-retargeting" : "awareness";
        return fixture("snapchat/campaign-stats.day." + name + ".json");
    }

    static String adAccount(String currency, String timezone) {
        ObjectNode account = SnapJson.MAPPER.createObjectNode()
                .put("id", ACCOUNT_ID)
                .put("updated_at", "2026-08-20T09:10:11.000Z")
                .put("created_at", "2026-08-20T09:10:11.000Z")
                .put("name", "Stratum Demo Shop")
                .put("type", "PARTNER")
                .put("status", "ACTIVE")
                .put("organization_id", "40d6719b-da09-410b-9185-0cc9c0dfed1d")
                .put("currency", currency)
                .put("timezone", timezone)
                .put("advertiser", "Stratum Demo");
        return envelope("adaccounts", "adaccount", List.of(account));
    }

    static String adAccount() {
        return adAccount("USD", "America/Los_Angeles");
    }

    /** The list fixture's campaign objects, as Snap sends them. */
    static List<ObjectNode> listedCampaigns() {
        return entities(json(fixture("snapchat/campaigns.list.json")), "campaigns", "campaign");
    }

    static ObjectNode listedCampaign(String id) {
        return listedCampaigns().stream().filter(c -> c.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    /** {@code GET /v1/campaigns/{id}}: the same wrapper as the list, with one campaign. */
    static String campaign(ObjectNode campaign) {
        return envelope("campaigns", "campaign", List.of(campaign));
    }

    static String adSquad() {
        ObjectNode squad = SnapJson.MAPPER.createObjectNode()
                .put("id", AD_SQUAD_ID)
                .put("updated_at", "2026-08-28T16:42:07.318Z")
                .put("created_at", "2026-08-20T09:15:44.902Z")
                .put("name", "US | 18-34 | Purchase")
                .put("status", "ACTIVE")
                .put("campaign_id", SALES_PIXEL)
                .put("type", "SNAP_ADS")
                .put("billing_event", "IMPRESSION")
                .put("bid_micro", 1_500_000)
                .put("daily_budget_micro", 120_000_000)
                .put("optimization_goal", "PIXEL_PURCHASE")
                .put("start_time", "2026-08-25T07:00:00.000Z");
        squad.putObject("targeting").putArray("geos").addObject().put("country_code", "us");
        squad.putArray("delivery_status").add("VALID");
        return envelope("adsquads", "adsquad", List.of(squad));
    }

    static String ad() {
        ObjectNode ad = SnapJson.MAPPER.createObjectNode()
                .put("id", AD_ID)
                .put("updated_at", "2026-08-28T16:42:07.318Z")
                .put("created_at", "2026-08-20T09:15:44.902Z")
                .put("name", "Story | Summer drop")
                .put("ad_squad_id", AD_SQUAD_ID)
                .put("creative_id", "6ad4e432-f679-4a9b-af1d-c5781212dd75")
                .put("status", "ACTIVE")
                .put("type", "SNAP_AD")
                .put("review_status", "APPROVED");
        return envelope("ads", "ad", List.of(ad));
    }

    /** {@code GET /v1/adaccounts/{id}/stats?granularity=TOTAL}, with the completeness times given (null leaves one out). */
    static String accountTotals(String finalizedDataEndTime, String conversionDataProcessedEndTime) {
        ObjectNode total = SnapJson.MAPPER.createObjectNode()
                .put("id", ACCOUNT_ID)
                .put("type", "AD_ACCOUNT")
                .put("granularity", "TOTAL");
        if (finalizedDataEndTime != null) {
            total.put("finalized_data_end_time", finalizedDataEndTime);
        }
        if (conversionDataProcessedEndTime != null) {
            total.put("conversion_data_processed_end_time", conversionDataProcessedEndTime);
        }
        total.putObject("stats").put("spend", 373_830_000L);
        return envelope("total_stats", "total_stat", List.of(total));
    }

    static String segment(String id, long approximateUsers, String uploadStatus) {
        ObjectNode segment = SnapJson.MAPPER.createObjectNode()
                .put("id", id)
                .put("updated_at", "2026-09-15T09:31:12.547Z")
                .put("created_at", "2026-09-15T09:31:12.547Z")
                .put("name", "Stratum | Buyers")
                .put("ad_account_id", ACCOUNT_ID)
                .put("status", "ACTIVE")
                .put("targetable_status", "NOT_READY")
                .put("upload_status", uploadStatus)
                .put("source_type", "FIRST_PARTY")
                .put("retention_in_days", 9999)
                .put("approximate_number_users", approximateUsers);
        return envelope("segments", "segment", List.of(segment));
    }

    static String usersUploaded(long count) {
        ObjectNode user = SnapJson.MAPPER.createObjectNode().put("number_uploaded_users", count);
        return envelope("users", "user", List.of(user));
    }

    static String envelope(String plural, String singular, List<ObjectNode> entities) {
        ObjectNode root = SnapJson.MAPPER.createObjectNode()
                .put("request_status", "SUCCESS")
                .put("request_id", "66e6b00000ff0a1b2c3d4e5f60718");
        ArrayNode items = root.putArray(plural);
        for (ObjectNode entity : entities) {
            ObjectNode item = items.addObject().put("sub_request_status", "SUCCESS");
            item.set(singular, entity);
        }
        return SnapJson.write(root);
    }

    static List<ObjectNode> entities(JsonNode root, String plural, String singular) {
        List<ObjectNode> entities = new ArrayList<>();
        root.get(plural).forEach(item -> entities.add((ObjectNode) item.get(singular)));
        return entities;
    }

    /** The ConnectorException a stage failed with. */
    static ConnectorException failureOf(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ConnectorException failure) {
                return failure;
            }
            throw new AssertionError("expected a ConnectorException, got " + e.getCause(), e.getCause());
        }
        throw new AssertionError("expected the stage to fail, but it succeeded");
    }

    static <T> T valueOf(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
