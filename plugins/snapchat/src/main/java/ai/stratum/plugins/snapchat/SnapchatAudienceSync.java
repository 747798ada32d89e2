package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.plugin.api.Telemetry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.Extension;

/**
 * Keeps a Snap Audience Match segment (a customer list) in step with a Stratum segment.
 *
 * <ul>
 *   <li>Create: {@code POST /v1/adaccounts/{id}/segments} ({@link AudienceRequests#newSegment}); not
 *       repeatable, since a second call makes a second segment. The first members are then uploaded
 *       like any addition.</li>
 *   <li>Update: additions {@code POST /v1/segments/{id}/users}, removals {@code DELETE
 *       /v1/segments/{id}/users}, in batches of at most 100,000 hashes. Both are set operations, so
 *       they are marked repeatable. What Snap accepted is the sum of the {@code number_uploaded_users}
 *       it reports per batch; Snap reports no count of malformed identifiers, so {@code invalid} is
 *       0 (the host only sends well-formed SHA-256 hex).</li>
 *   <li>Match: {@code GET /v1/segments/{id}}. Snap reports one size, {@code approximate_number_users}
 *       — the users it matched — and no count of identifiers uploaded, which is left empty. {@code upload_status} {@code PROCESSING} means the figure is not final yet; it is
 *       logged, as the SPI has no field for it. Snap gives no time for the figure, so it is the time
 *       read.</li>
 * </ul>
 */
@Extension
public class SnapchatAudienceSync implements AudienceSync {

    private static final String SEGMENT = "segment response";
    private static final String USERS = "segment users response";

    private final int batchSize;

    public SnapchatAudienceSync() {
        this(AudienceRequests.MAX_IDENTIFIERS_PER_REQUEST);
    }

    /** For tests: batches of another size. */
    SnapchatAudienceSync(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public String connectorId() {
        return SnapchatPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<String> createAudience(ConnectorContext context, NewAudience audience) {
        return Stages.guarded(() -> {
            SnapchatApi api = new SnapchatApi(context);
            return api.sendJson("POST", api.urls().audienceSegments(audience.accountId()),
                            AudienceRequests.newSegment(audience.accountId(), audience.name()), false, SEGMENT)
                    .thenApply(response -> SnapJson.text(only(response.root()), "id", SEGMENT))
                    .thenCompose(segmentId -> upload(api, segmentId, audience.identifierType(), audience.members(),
                            List.of()).thenApply(received -> segmentId));
        });
    }

    @Override
    public CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update) {
        return Stages.guarded(() -> upload(new SnapchatApi(context), update.audienceId(), update.identifierType(),
                update.added(), update.removed()).thenApply(received -> new AudienceUpdateResult(received, 0)));
    }

    @Override
    public CompletionStage<AudienceMatch> match(ConnectorContext context, String accountId, String audienceId) {
        return Stages.guarded(() -> {
            SnapchatApi api = new SnapchatApi(context);
            return api.get(api.urls().audienceSegment(audienceId), SEGMENT).thenApply(response -> {
                ObjectNode segment = only(response.root());
                String owner = SnapJson.text(segment, "ad_account_id", SEGMENT);
                if (!owner.equals(accountId)) {
                    throw ConnectorException.rejected("Snapchat segment " + audienceId + " belongs to ad account "
                            + owner + ", not to " + accountId, null);
                }
                long size = SnapJson.nonNegativeLong(segment, "approximate_number_users", SEGMENT);
                SnapJson.optionalText(segment, "upload_status")
                        .filter(status -> !"COMPLETE".equalsIgnoreCase(status))
                        .ifPresent(status -> context.telemetry().log(Telemetry.Level.INFO,
                                "snapchat.segment.upload_pending",
                                Map.of("segment", audienceId, "upload_status", status)));
                return new AudienceMatch(audienceId, OptionalLong.empty(), size, context.clock().instant());
            });
        });
    }

    /** Adds, then removes, in batches; the stage holds how many identifiers Snap took in. */
    private CompletionStage<Long> upload(SnapchatApi api, String segmentId, IdentifierType type, List<String> added,
            List<String> removed) {
        AtomicLong received = new AtomicLong();
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);
        for (List<String> batch : AudienceRequests.batches(added, batchSize)) {
            done = done.thenCompose(ignored -> send(api, "POST", segmentId, type, batch, received));
        }
        for (List<String> batch : AudienceRequests.batches(removed, batchSize)) {
            done = done.thenCompose(ignored -> send(api, "DELETE", segmentId, type, batch, received));
        }
        return done.thenApply(ignored -> received.get());
    }

    private static CompletionStage<Void> send(SnapchatApi api, String method, String segmentId, IdentifierType type,
            List<String> batch, AtomicLong received) {
        return api.sendJson(method, api.urls().audienceSegmentUsers(segmentId), AudienceRequests.users(type, batch),
                        true, USERS)
                .thenAccept(response -> {
                    for (ObjectNode user : SnapEnvelope.entities(response.root(), "users", "user", USERS)) {
                        received.addAndGet(SnapJson.nonNegativeLong(user, "number_uploaded_users", USERS));
                    }
                });
    }

    private static ObjectNode only(ObjectNode root) {
        List<ObjectNode> segments = SnapEnvelope.entities(root, "segments", "segment", SEGMENT);
        if (segments.size() != 1) {
            throw SnapJson.malformed(SEGMENT, "expected one segment, got " + segments.size());
        }
        return segments.get(0);
    }
}
