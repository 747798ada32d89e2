package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * TikTok's money: decimal amounts in the advertiser's currency's major unit, as JSON numbers on
 * entities ({@code "budget": 350.0}) and as strings in reports ({@code "spend": "289.33"}). Both
 * go to {@link Money} exactly (JSON numbers are read as {@link BigDecimal}, see
 * {@link TikTokJson}); amounts go back to TikTok as exact decimals.
 */
final class TikTokMoney {

    private TikTokMoney() {
    }

    /**
     * @param value    a JSON number or numeric string
     * @param currency the advertiser's currency
     * @param what     the field, for messages
     * @return the exact amount
     */
    static Money amount(JsonNode value, String currency, String what) {
        String decimal = value.isNumber() ? value.decimalValue().toPlainString() : value.isTextual() ? value.asText() : "";
        try {
            return Money.parse(decimal, currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.malformedResponse("TikTok sent a " + what + " that is not an exact decimal amount: '"
                    + value + "'", e);
        }
    }

    /** @return the amount as TikTok takes it: a decimal in the major unit */
    static BigDecimal decimal(Money money) {
        return money.toDecimal();
    }
}
