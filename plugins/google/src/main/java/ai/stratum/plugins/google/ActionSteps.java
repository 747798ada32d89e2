package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The calls every action shares: GAQL reads whose raw answers go into the action's log, and the
 * check that an amount is in the account's currency (Google takes bare micros, so an amount in
 * another currency would silently mean something else).
 */
final class ActionSteps {

    private final GoogleAdsClient client;
    private final CustomerId customer;
    private final ActionLog log;

    ActionSteps(GoogleAdsClient client, CustomerId customer, ActionLog log) {
        this.client = client;
        this.customer = customer;
        this.log = log;
    }

    GoogleAdsClient client() {
        return client;
    }

    CustomerId customer() {
        return customer;
    }

    ActionLog log() {
        return log;
    }

    /** @return the rows of the query, its raw answer logged */
    CompletionStage<List<JsonNode>> search(String gaql) {
        return client.search(customer, gaql).thenApply(result -> {
            log.record(result.rawBody());
            return result.rows();
        });
    }

    /** @return the account's settings, the raw answer logged */
    CompletionStage<AccountSettings> accountSettings() {
        return search(Gaql.ACCOUNT_SETTINGS).thenApply(AccountSettings::parse);
    }

    /**
     * @throws ConnectorException rejected when the amounts are not all in the account's currency
     */
    static void requireCurrency(List<Money> amounts, AccountSettings settings) {
        for (Money amount : amounts) {
            if (!amount.currency().equals(settings.currency())) {
                throw ConnectorException.rejected("the Google Ads account is in " + settings.currency()
                        + " but the action asks for " + amount.currency() + " " + amount.toDecimal(), null);
            }
        }
    }

    /** @return {@code customers/{id}/{collection}/{entityId}}, checking that the id is numeric */
    String resourceName(String collection, String entityId) {
        return customer.resourceName() + "/" + collection + "/" + Gaql.numeric(entityId);
    }
}
