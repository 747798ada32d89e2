package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.CompletionStage;

/**
 * What the plugin needs of a Snap ad account ({@code GET /v1/adaccounts/{id}}): its currency, in
 * which Snap reports and takes every amount, and its time zone, whose midnights are Snap's day
 * boundaries.
 *
 * @param id       the ad account id
 * @param currency the ISO 4217 code
 * @param zone     the account's time zone, for example {@code America/Los_Angeles}
 * @param body     the answer as received
 */
record AdAccount(String id, String currency, ZoneId zone, String body) {

    private static final String WHAT = "ad account response";

    static CompletionStage<AdAccount> fetch(SnapchatApi api, String adAccountId) {
        return api.get(api.urls().adAccount(adAccountId), WHAT)
                .thenApply(response -> parse(response.root(), response.body(), adAccountId));
    }

    static AdAccount parse(ObjectNode root, String body, String adAccountId) {
        ObjectNode account = SnapEnvelope.entities(root, "adaccounts", "adaccount", WHAT).stream()
                .filter(candidate -> adAccountId.equals(candidate.path("id").asText()))
                .findFirst()
                .orElseThrow(() -> SnapJson.malformed(WHAT, "ad account " + adAccountId + " is not in the answer"));
        String currency = SnapJson.text(account, "currency", WHAT);
        try {
            new Money(0, currency);
        } catch (IllegalArgumentException e) {
            throw ConnectorException.malformedResponse("Snapchat " + WHAT + ": currency is not an ISO 4217 code: "
                    + currency, e);
        }
        String timezone = SnapJson.text(account, "timezone", WHAT);
        try {
            return new AdAccount(adAccountId, currency, ZoneId.of(timezone), body);
        } catch (DateTimeException e) {
            throw ConnectorException.malformedResponse("Snapchat " + WHAT + ": timezone is not a time zone id: "
                    + timezone, e);
        }
    }
}
