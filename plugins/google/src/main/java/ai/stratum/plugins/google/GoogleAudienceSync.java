package ai.stratum.plugins.google;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.api.Telemetry;
import com.fasterxml.jackson.databind.JsonNode;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Google Ads Customer Match.
 *
 * <ul>
 *   <li>Create: a CRM-based user list ({@code userLists:mutate}, upload key type
 *       {@code CONTACT_INFO}); the audience id is the list's numeric id. Its first members then go
 *       up as in an update (Google cannot create and fill a list in one call). When they cannot be
 *       uploaded the stage fails and the empty list stays on Google; its id is logged as
 *       {@code google.audience.created_without_members}, so a retry's new list can be told apart.</li>
 *   <li>Update: adds and removes each go through their own OfflineUserDataJob of type
 *       {@code CUSTOMER_MATCH_USER_LIST}: {@code offlineUserDataJobs:create}, then
 *       {@code :addOperations} in requests of {@link #IDENTIFIERS_PER_REQUEST} users (Google allows
 *       100,000 identifiers per request and recommends about 10,000), then {@code :run}. Google
 *       processes the job asynchronously, for up to several hours. One user per operation, one
 *       identifier per user. Adding a user already on the list, or removing one who is not, is
 *       harmless. Identifiers Google refuses (partial failure) are counted as invalid.</li>
 *   <li>Match: GAQL on {@code user_list}: the matched users are the larger of
 *       {@code size_for_search} and {@code size_for_display}. Google does not report how many
 *       identifiers a list holds (its {@code match_rate_percentage} is a rounded percentage, too
 *       coarse to derive a count from), so the uploaded count is left empty. The figures carry no
 *       timestamp, so they are dated when read.</li>
 * </ul>
 */
@Extension
public class GoogleAudienceSync implements AudienceSync {

    /** Users per {@code :addOperations} request. */
    static final int IDENTIFIERS_PER_REQUEST = 10_000;

    @Override
    public String connectorId() {
        return GooglePlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<String> createAudience(ConnectorContext context, NewAudience audience) {
        try {
            GoogleAdsClient client = new GoogleAdsClient(context);
            CustomerId customer = CustomerId.of(audience.accountId());
            CustomerMatchRequests.identifierField(audience.identifierType());
            // creating twice would make a second list (or fail on the name), so no retry
            return client.post(client.urls().mutate(customer, "userLists"),
                            CustomerMatchRequests.createUserList(audience.name()), false)
                    .thenApply(response -> userListId(response.json()))
                    .thenCompose(id -> job(client, customer, customer.resourceName() + "/userLists/" + id, "create",
                            audience.identifierType(), audience.members(), new AtomicLong())
                            .handle((done, failure) -> {
                                if (failure != null) {
                                    context.telemetry().log(Telemetry.Level.WARN, "google.audience.created_without_members",
                                            Map.of("userList", id));
                                    throw failure instanceof CompletionException completion ? completion
                                            : new CompletionException(failure);
                                }
                                return id;
                            }));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update) {
        try {
            GoogleAdsClient client = new GoogleAdsClient(context);
            CustomerId customer = CustomerId.of(update.accountId());
            String userList = customer.resourceName() + "/userLists/" + Gaql.numeric(update.audienceId());
            CustomerMatchRequests.identifierField(update.identifierType());
            AtomicLong invalid = new AtomicLong();
            return job(client, customer, userList, "create", update.identifierType(), update.added(), invalid)
                    .thenCompose(done -> job(client, customer, userList, "remove", update.identifierType(), update.removed(), invalid))
                    .thenApply(done -> new AudienceUpdateResult(update.added().size() + update.removed().size(), invalid.get()));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<AudienceMatch> match(ConnectorContext context, String accountId, String audienceId) {
        try {
            GoogleAdsClient client = new GoogleAdsClient(context);
            return client.search(CustomerId.of(accountId), Gaql.userListMatch(audienceId))
                    .thenApply(result -> UserListMatch.read(result.rows(), audienceId, context.clock().instant()));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletionStage<Void> job(GoogleAdsClient client, CustomerId customer, String userList, String kind,
                                             IdentifierType type, List<String> hashes, AtomicLong invalid) {
        if (hashes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return client.post(client.urls().collectionMethod(customer, "offlineUserDataJobs", "create"),
                        CustomerMatchRequests.createJob(userList), false)
                .thenCompose(created -> {
                    String job = GoogleJson.requiredText(created.json(), "resourceName", "the created offline user data job");
                    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
                    for (int from = 0; from < hashes.size(); from += IDENTIFIERS_PER_REQUEST) {
                        List<String> batch = hashes.subList(from, Math.min(hashes.size(), from + IDENTIFIERS_PER_REQUEST));
                        String body = CustomerMatchRequests.addOperations(kind, type, batch);
                        // the same users added to a job twice are still the same users
                        chain = chain.thenCompose(ignored -> client.post(client.urls().resourceMethod(job, "addOperations"), body, true))
                                .thenAccept(added -> invalid.addAndGet(PartialFailures.failedOperations(added.json(), batch.size())));
                    }
                    return chain.thenCompose(ignored -> client.post(client.urls().resourceMethod(job, "run"),
                            CustomerMatchRequests.run(), false)).thenAccept(ran -> { });
                });
    }

    private static String userListId(JsonNode answer) {
        String resourceName = GoogleJson.requiredText(answer, "results.0.resourceName", "the created user list");
        int slash = resourceName.lastIndexOf('/');
        String id = resourceName.substring(slash + 1);
        if (slash < 0 || !resourceName.contains("/userLists/") || !id.matches("[0-9]+")) {
            throw GoogleJson.malformed("the created user list has an unexpected resource name: " + resourceName);
        }
        return id;
    }
}
