package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Google Ads API paths the emulator serves, all {@code POST /v26/customers/{customer_id}/…}:
 * {@code googleAds:searchStream}, {@code {campaigns|campaignBudgets|adGroups|userLists}:mutate},
 * {@code offlineUserDataJobs:create}, {@code offlineUserDataJobs/{id}:addOperations} and
 * {@code :run}. Any other path or method gets the front end's HTML 404. The customer id must be
 * ten digits without dashes ({@code INVALID_CUSTOMER_ID}); a customer the platform does not serve
 * is one the user may not access ({@code USER_PERMISSION_DENIED}). The {@code developer-token}
 * header is accepted and ignored, as Google has done since developer tokens were sunset
 * (2026-09-09); {@code login-customer-id} is ignored too.
 */
final class GoogleRoutes {

    /** The API version of every path. */
    static final String VERSION = "v26";
    private static final Pattern JOB_METHOD = Pattern.compile("offlineUserDataJobs/([0-9]+):(addOperations|run)");
    private static final Map<String, String> RPC_METHODS = Map.of(
            "googleAds:searchStream", "GoogleAdsService.SearchStream",
            "campaigns:mutate", "CampaignService.MutateCampaigns",
            "campaignBudgets:mutate", "CampaignBudgetService.MutateCampaignBudgets",
            "adGroups:mutate", "AdGroupService.MutateAdGroups",
            "userLists:mutate", "UserListService.MutateUserLists",
            "offlineUserDataJobs:create", "OfflineUserDataJobService.CreateOfflineUserDataJob",
            "addOperations", "OfflineUserDataJobService.AddOfflineUserDataJobOperations",
            "run", "OfflineUserDataJobService.RunOfflineUserDataJob");

    private final SearchStreamEndpoint search;
    private final MutateEndpoint mutate = new MutateEndpoint();
    private final OfflineUserDataJobs jobs = new OfflineUserDataJobs();

    GoogleRoutes(int rowsPerBatch) {
        this.search = new SearchStreamEndpoint(rowsPerBatch);
    }

    ApiResponse answer(ApiRequest request, PlatformState state, GoogleState google) {
        List<String> segments = request.segments();
        if (segments.size() < 4 || !segments.get(0).equals(VERSION) || !segments.get(1).equals("customers")
                || !request.method().equals("POST")) {
            return GoogleErrors.notFound(request.path());
        }
        String customerId = segments.get(2);
        String method = String.join("/", segments.subList(3, segments.size()));
        Matcher jobMethod = JOB_METHOD.matcher(method);
        String collection = method.endsWith(":mutate") ? method.substring(0, method.length() - ":mutate".length()) : "";
        boolean known = method.equals("googleAds:searchStream") || method.equals("offlineUserDataJobs:create")
                || jobMethod.matches() || mutate.serves(collection);
        if (!known) {
            return GoogleErrors.notFound(request.path());
        }
        String requestId = GoogleErrors.requestId();
        try {
            GoogleCall call = new GoogleCall(request, state, google, account(state, customerId), customerId, requestId);
            JsonNode body = Json.read(request.body().isBlank() ? "{}" : request.body());
            if (!body.isObject()) {
                return GoogleErrors.invalidPayload(null, "Root element must be a message.");
            }
            if (method.equals("googleAds:searchStream")) {
                return search.answer(call, body);
            }
            if (method.equals("offlineUserDataJobs:create")) {
                return jobs.create(call, body);
            }
            if (jobMethod.matches()) {
                return jobMethod.group(2).equals("run") ? jobs.run(call, jobMethod.group(1), body)
                        : jobs.addOperations(call, jobMethod.group(1), body);
            }
            return mutate.answer(call, collection, body);
        } catch (AdsFailure failure) {
            return GoogleErrors.render(failure, isSearchStream(request.path()), requestId);
        } catch (PayloadError error) {
            return GoogleErrors.invalidPayload(error.field(), error.getMessage());
        }
    }

    private static SimulatedAccount account(PlatformState state, String customerId) {
        if (!customerId.matches("[0-9]{10}")) {
            throw AdsFailure.invalidArgument(AdsError.of("requestError", "INVALID_CUSTOMER_ID",
                    "Invalid customer ID '" + customerId + "'."));
        }
        return state.account(customerId).or(() -> state.accounts().stream()
                        .filter(account -> account.accountId().replace("-", "").equals(customerId)).findFirst())
                .orElseThrow(() -> AdsFailure.permissionDenied(AdsError.of("authorizationError", "USER_PERMISSION_DENIED",
                        "User doesn't have permission to access customer. Note: If you're accessing a client customer, "
                                + "the manager's customer id must be set in the 'login-customer-id' header. See "
                                + "https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid")));
    }

    static boolean isSearchStream(String path) {
        return path.endsWith("/googleAds:searchStream");
    }

    /** @return the customer id of an API path, or an empty string */
    static String customerIn(String path) {
        String[] segments = path.replaceAll("^/+", "").split("/");
        return segments.length > 2 ? segments[2] : "";
    }

    /** @return the RPC a path calls, as Google names it in error metadata */
    static String rpcMethod(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        String key = last.matches("[0-9]+:.*") ? last.substring(last.indexOf(':') + 1) : last;
        return "google.ads.googleads." + VERSION + ".services." + RPC_METHODS.getOrDefault(key, "GoogleAdsService.Search");
    }
}
