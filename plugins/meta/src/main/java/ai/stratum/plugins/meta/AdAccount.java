package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The account settings every amount and day depends on, from
 * {@code GET /act_{id}?fields=currency,timezone_name}: budgets are in the currency's minor unit and
 * Meta's report days are the account time zone's days.
 *
 * @param currency the ISO 4217 code, for example {@code USD}
 * @param zone     the account time zone, for example {@code America/Los_Angeles}
 */
record AdAccount(String currency, ZoneId zone) {

    static final String FIELDS = "currency,timezone_name";

    /** Reads the settings of an ad account node ({@code act_<digits>}). */
    static CompletionStage<AdAccount> fetch(GraphClient client, GraphUrls urls, String accountNode) {
        return client.get(urls.api(accountNode, Map.of("fields", FIELDS)))
                .thenApply(response -> parse(response.json()));
    }

    static AdAccount parse(JsonNode account) {
        String currency = JsonFields.requiredText(account, "currency", "the ad account");
        String zone = JsonFields.requiredText(account, "timezone_name", "the ad account");
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw JsonFields.malformed("the ad account's currency is not an ISO 4217 code: " + currency);
        }
        try {
            return new AdAccount(currency, ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw JsonFields.malformed("the ad account's time zone is unknown: " + zone);
        }
    }
}
