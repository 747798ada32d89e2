package ai.stratum.plugins.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                          | actions                                                                      | action_values                                                                 | conversions | revenue
            all three types agree           | omni_purchase=10,purchase=10,offsite_conversion.fb_pixel_purchase=10          | omni_purchase=944.59,purchase=944.59,offsite_conversion.fb_pixel_purchase=944.59 | 10          | 944.59
            omni wins over the others       | omni_purchase=12,purchase=9,offsite_conversion.fb_pixel_purchase=9            | omni_purchase=120.00,purchase=90.00,offsite_conversion.fb_pixel_purchase=90.00 | 12          | 120.00
            purchase when omni is missing   | purchase=4,offsite_conversion.fb_pixel_purchase=3                            | purchase=40.10,offsite_conversion.fb_pixel_purchase=30.00                     | 4           | 40.10
            pixel purchase when alone       | offsite_conversion.fb_pixel_purchase=2,link_click=50                          | offsite_conversion.fb_pixel_purchase=19.98                                    | 2           | 19.98
            no purchase type at all         | link_click=83,video_view=3550                                                 |                                                                               | 0           | 0
            other types never count         | add_to_cart=28,omni_add_to_cart=28,lead=5,onsite_web_purchase=7               | add_to_cart=2499.84,omni_add_to_cart=2499.84,onsite_web_purchase=70.00          | 0           | 0
            a count without a value         | omni_purchase=3                                                               |                                                                               | 3           | 0
            the value of the counted type   | omni_purchase=3                                                               | purchase=30.00                                                                | 3           | 0
            a value without a count         |                                                                               | purchase=25.50                                                                | 0           | 25.50
            fractional counts stay exact    | omni_purchase=2.5                                                             | omni_purchase=0.01                                                            | 2.5         | 0.01
            """)
    void countsEachPurchaseOnceFromTheFirstTypeOfThePrecedence(String description, String actions, String values,
            double conversions, String revenue) {
        CampaignDailyPerformance row = InsightsParser.parse(JsonFields.parseObject(page(actions, values), "test"), "USD")
                .get(0);

        assertThat(row.conversions()).isEqualTo(conversions);
        assertThat(row.revenue()).isEqualTo(Money.parse(revenue, "USD"));
    }

    @Test
    void followsTheDocumentedPrecedence() {
        assertThat(PurchaseRule.PRECEDENCE)
                .containsExactly("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase");
    }

    @Test
    void readsAPurchaseValueSentAsAJsonNumberExactly() {
        String page = "{\"data\":[{\"campaign_id\":\"1\",\"date_start\":\"2026-09-01\",\"date_stop\":\"2026-09-01\","
                + "\"spend\":0.1,\"actions\":[{\"action_type\":\"omni_purchase\",\"value\":1}],"
                + "\"action_values\":[{\"action_type\":\"omni_purchase\",\"value\":0.3}]}]}";

        CampaignDailyPerformance row = InsightsParser.parse(JsonFields.parseObject(page, "test"), "USD").get(0);

        assertThat(row.spend()).isEqualTo(new Money(100_000, "USD"));
        assertThat(row.revenue()).isEqualTo(new Money(300_000, "USD"));
    }

    @Test
    void treatsMissingMetricsAsZero() {
        String page = "{\"data\":[{\"campaign_id\":\"1\",\"date_start\":\"2026-09-01\",\"date_stop\":\"2026-09-01\"}]}";

        CampaignDailyPerformance row = InsightsParser.parse(JsonFields.parseObject(page, "test"), "EUR").get(0);

        assertThat(row).isEqualTo(new CampaignDailyPerformance("1", java.time.LocalDate.parse("2026-09-01"),
                new Money(0, "EUR"), 0, 0, 0, new Money(0, "EUR")));
    }

    @Test
    void refusesANegativePurchaseCount() {
        assertThatThrownBy(() -> InsightsParser.parse(JsonFields.parseObject(page("omni_purchase=-1", ""), "test"), "USD"))
                .isInstanceOf(ConnectorException.class)
                .extracting(failure -> ((ConnectorException) failure).failure())
                .isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    private static String page(String actions, String values) {
        return "{\"data\":[{\"campaign_id\":\"120213456789012345\",\"date_start\":\"2026-09-01\","
                + "\"date_stop\":\"2026-09-01\",\"spend\":\"1.00\",\"impressions\":\"10\",\"clicks\":\"1\""
                + list("actions", actions) + list("action_values", values) + "}]}";
    }

    private static String list(String field, String entries) {
        if (entries == null || entries.isBlank()) {
            return "";
        }
        List<String> items = java.util.Arrays.stream(entries.split(","))
                .map(entry -> entry.split("="))
                .map(pair -> "{\"action_type\":\"" + pair[0] + "\",\"value\":\"" + pair[1] + "\"}")
                .toList();
        return ",\"" + field + "\":[" + String.join(",", items) + "]";
    }
}
