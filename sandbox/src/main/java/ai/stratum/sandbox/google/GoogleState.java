package ai.stratum.sandbox.google;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Google Ads emulator keeps beside the sandbox's {@code PlatformState}, one per simulated
 * platform: ad group statuses (the simulation has none), Customer Match list settings, offline
 * user data jobs, and which refresh token a client holds (Google's refresh tokens stay valid across
 * refreshes, while the sandbox's {@code Tokens} issues a new one on each). Thread-safe.
 */
final class GoogleState {

    /**
     * The settings of a Customer Match list the simulation's {@code Audiences} do not hold.
     *
     * @param uploadKeyType      {@code CONTACT_INFO}, {@code CRM_ID} or {@code MOBILE_ADVERTISING_ID}
     * @param membershipLifeSpan days a member stays
     * @param description        its description, or null
     */
    record UserListSettings(String uploadKeyType, long membershipLifeSpan, String description) {
    }

    private final Map<String, String> adGroupStatus = new ConcurrentHashMap<>();
    private final Map<String, UserListSettings> userLists = new ConcurrentHashMap<>();
    private final Map<String, OfflineUserDataJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong nextJobId = new AtomicLong(7_142_000_000L);

    /** @return the ad group's status, ENABLED until changed */
    String adGroupStatus(String adGroupId) {
        return adGroupStatus.getOrDefault(adGroupId, "ENABLED");
    }

    void setAdGroupStatus(String adGroupId, String status) {
        adGroupStatus.put(adGroupId, status);
    }

    void putUserList(String userListId, UserListSettings settings) {
        userLists.put(userListId, settings);
    }

    /** @return the list's settings; a list made outside the API (the admin, a test) is a contact-info list */
    UserListSettings userList(String userListId) {
        return userLists.getOrDefault(userListId, new UserListSettings("CONTACT_INFO", 540, null));
    }

    /** @return a new pending job on the list */
    OfflineUserDataJob newJob(String customerId, String userListId) {
        OfflineUserDataJob job = new OfflineUserDataJob(String.valueOf(nextJobId.incrementAndGet()), customerId, userListId);
        jobs.put(job.id(), job);
        return job;
    }

    Optional<OfflineUserDataJob> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /**
     * @param held the refresh token the client holds, as Google issued it
     * @return the sandbox token it stands for now
     */
    String currentRefreshToken(String held) {
        return refreshTokens.getOrDefault(held, held);
    }

    /** Records that the refresh token the client holds now stands for a newly issued sandbox token. */
    void refreshed(String held, String current) {
        refreshTokens.put(held, current);
    }
}
