package ai.stratum.sandbox.google;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Ads resource names ({@code customers/{customer_id}/{collection}/{id}}) and the ids the
 * emulator gives what the simulation has no id for: each campaign's own (not shared)
 * CampaignBudget has the id {@value #BUDGET_OFFSET} + the campaign id, so either finds the other.
 * Ad groups are the simulation's ad sets and keep their ids.
 */
final class GoogleIds {

    static final long BUDGET_OFFSET = 500_000_000_000_000L;
    private static final Pattern RESOURCE = Pattern.compile("customers/([0-9]+)/([A-Za-z]+)/([0-9]{1,19})");

    private GoogleIds() {
    }

    static String customer(String customerId) {
        return "customers/" + customerId;
    }

    static String resource(String customerId, String collection, String id) {
        return customer(customerId) + "/" + collection + "/" + id;
    }

    static String budgetId(String campaignId) {
        return String.valueOf(Long.parseLong(campaignId) + BUDGET_OFFSET);
    }

    static Optional<String> campaignOfBudget(String budgetId) {
        long id = Long.parseLong(budgetId);
        return id > BUDGET_OFFSET ? Optional.of(String.valueOf(id - BUDGET_OFFSET)) : Optional.empty();
    }

    /**
     * @param resourceName a resource name from a request
     * @param customerId   the customer of the request's path
     * @param collection   the collection it must be in, for example {@code campaigns}
     * @return its id, when it is a well-formed name in that customer and collection
     */
    static Optional<String> idIn(String resourceName, String customerId, String collection) {
        Matcher matcher = RESOURCE.matcher(resourceName);
        if (!matcher.matches() || !matcher.group(1).equals(customerId) || !matcher.group(2).equals(collection)) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(3));
    }
}
