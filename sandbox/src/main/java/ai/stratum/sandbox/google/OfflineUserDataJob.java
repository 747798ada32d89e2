package ai.stratum.sandbox.google;

import java.util.ArrayList;
import java.util.List;

/**
 * A Customer Match OfflineUserDataJob: PENDING while operations are added, then run once. Google
 * forbids mixing adds ({@code create}) and removes in one job, so the first operation fixes its
 * kind. The sandbox applies a run at once, where Google takes up to hours; the job then reports
 * SUCCESS. Thread-safe.
 */
final class OfflineUserDataJob {

    private final String id;
    private final String customerId;
    private final String userListId;
    private final List<String> identifiers = new ArrayList<>();
    private String kind;
    private String status = "PENDING";

    OfflineUserDataJob(String id, String customerId, String userListId) {
        this.id = id;
        this.customerId = customerId;
        this.userListId = userListId;
    }

    String id() {
        return id;
    }

    String customerId() {
        return customerId;
    }

    String userListId() {
        return userListId;
    }

    String resourceName() {
        return GoogleIds.resource(customerId, "offlineUserDataJobs", id);
    }

    synchronized String status() {
        return status;
    }

    /** @return {@code create} or {@code remove} once the first operation came, else null */
    synchronized String kind() {
        return kind;
    }

    /** Queues identifiers of one kind; the caller checked the kind matches. */
    synchronized void add(String operationKind, List<String> hashes) {
        kind = operationKind;
        identifiers.addAll(hashes);
    }

    /** @return the queued identifiers, marking the job done */
    synchronized List<String> run() {
        status = "SUCCESS";
        return List.copyOf(identifiers);
    }
}
