package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The account settings every amount and day depends on: {@code customer.currency_code} (all money
 * of a Google Ads account is in it) and {@code customer.time_zone} (its day boundaries).
 *
 * @param currency the ISO 4217 code
 * @param timeZone the account's time zone
 */
record AccountSettings(String currency, ZoneId timeZone) {

    /**
     * Reads the settings with one GAQL query on {@code customer}.
     *
     * @param client   the client of the call
     * @param customer the account
     * @return the settings
     */
    static CompletionStage<AccountSettings> read(GoogleAdsClient client, CustomerId customer) {
        return client.search(customer, Gaql.ACCOUNT_SETTINGS).thenApply(result -> parse(result.rows()));
    }

    static AccountSettings parse(List<JsonNode> rows) {
        if (rows.size() != 1) {
            throw GoogleJson.malformed("the customer query returned " + rows.size() + " rows instead of 1");
        }
        JsonNode row = rows.get(0);
        String currency = GoogleJson.requiredText(row, "customer.currencyCode", "the customer row");
        String zone = GoogleJson.requiredText(row, "customer.timeZone", "the customer row");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.malformedResponse("Google Ads: customer.currencyCode is not an ISO 4217 code: "
                    + currency, e);
        }
        try {
            return new AccountSettings(currency, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw ConnectorException.malformedResponse("Google Ads: customer.timeZone is not a time zone: " + zone, e);
        }
    }
}
