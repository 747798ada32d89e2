package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Keeps a TikTok Customer File audience (DMP custom audience) in step with a Stratum segment.
 *
 * <p>Update: the added hashes are uploaded as files ({@link AudienceFiles}), then appended with
 * {@code POST dmp/custom_audience/update/} {@code {advertiser_id, custom_audience_id,
 * action: "APPEND", file_paths}}; the removed ones likewise with {@code action: "REMOVE"}. TikTok
 * adds only lines not yet in the audience and removes only lines in it, so a repeated update is
 * harmless. Adds go first because TikTok refuses a change that leaves an audience under 1,000
 * users. At most {@value #FILES_PER_UPDATE} files go in one update call (TikTok recommends
 * fewer than 50). The action is always sent: TikTok's default is REPLACE.
 *
 * <p>Match: {@code GET dmp/custom_audience/get/?advertiser_id=..&custom_audience_ids=["<id>"]};
 * TikTok reports one figure, {@code cover_num}, the users the audience covers after matching. It
 * is both the uploaded and the matched count, as TikTok counts them: TikTok does not report how
 * many lines were uploaded. TikTok gives no computation time, so the reading time is used.
 *
 * <p>Create: not possible with this SPI. TikTok creates a Customer File audience only from
 * uploaded files of one encryption type ({@code dmp/custom_audience/create/} requires
 * {@code calculate_type} and non-empty {@code file_paths}, and rejects an empty file), while
 * {@link #createAudience} gets neither identifiers nor their type; it fails with REJECTED
 * explaining that, without calling TikTok. Audiences created in TikTok Ads Manager can be kept in
 * step through {@link #update} and read through {@link #match}.
 */
@Extension
public class TikTokAudienceSync implements AudienceSync {

    static final int FILES_PER_UPDATE = 49;
    static final String UPDATE_PATH = "dmp/custom_audience/update";
    static final String GET_PATH = "dmp/custom_audience/get";

    @Override
    public String connectorId() {
        return TikTokPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<String> createAudience(ConnectorContext context, String accountId, String name) {
        return CompletableFuture.failedFuture(ConnectorException.rejected(
                "TikTok creates a Customer File audience only from uploaded identifiers of one encryption type "
                        + "(dmp/custom_audience/create needs calculate_type and file_paths); an empty audience "
                        + "cannot be created. Create the audience in TikTok Ads Manager and sync it by its id.",
                null));
    }

    @Override
    public CompletionStage<AudienceUpdateResult> update(ConnectorContext context, AudienceUpdate update) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            return change(api, update, "APPEND", update.added())
                    .thenCompose(added -> change(api, update, "REMOVE", update.removed()))
                    .thenApply(removed -> new AudienceUpdateResult(update.added().size() + update.removed().size(), 0));
        });
    }

    @Override
    public CompletionStage<AudienceMatch> match(ConnectorContext context, String accountId, String audienceId) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("advertiser_id", accountId);
            query.put("custom_audience_ids", TikTokJson.write(TikTokJson.array(List.of(audienceId))));
            return api.get(GET_PATH, query).thenApply(reply -> {
                long covered = coverNum(reply.data(), audienceId);
                return new AudienceMatch(audienceId, covered, covered, context.clock().instant());
            });
        });
    }

    private static CompletionStage<Void> change(TikTokApi api, AudienceUpdate update, String action, List<String> hashes) {
        List<String> files = AudienceFiles.files(hashes);
        return Stages.sequentially(files, file -> upload(api, update.accountId(), update.identifierType(), file))
                .thenCompose(paths -> Stages.sequentially(Batches.of(paths, FILES_PER_UPDATE),
                        batch -> api.post(UPDATE_PATH, updateBody(update, action, batch))))
                .thenApply(done -> null);
    }

    private static CompletionStage<String> upload(TikTokApi api, String advertiserId, IdentifierType type, String file) {
        return api.postMultipart(AudienceFiles.UPLOAD_PATH, AudienceFiles.uploadForm(advertiserId, type, file))
                .thenApply(reply -> {
                    String path = reply.data().path("file_path").asText("");
                    if (path.isEmpty()) {
                        throw ConnectorException.malformedResponse("TikTok's file upload answer has no data.file_path", null);
                    }
                    return path;
                });
    }

    private static ObjectNode updateBody(AudienceUpdate update, String action, List<String> filePaths) {
        ObjectNode body = TikTokJson.object()
                .put("advertiser_id", update.accountId())
                .put("custom_audience_id", update.audienceId())
                .put("action", action);
        body.set("file_paths", TikTokJson.array(filePaths));
        return body;
    }

    private static long coverNum(JsonNode data, String audienceId) {
        for (JsonNode entry : data.path("list")) {
            // the details sit under audience_details, next to the audience's history
            JsonNode details = entry.has("audience_details") ? entry.path("audience_details") : entry;
            if (audienceId.equals(details.path("audience_id").asText())) {
                JsonNode cover = details.path("cover_num");
                if (!cover.canConvertToLong() || cover.longValue() < 0) {
                    throw ConnectorException.malformedResponse("TikTok audience " + audienceId + " has no cover_num", null);
                }
                return cover.longValue();
            }
        }
        throw ConnectorException.malformedResponse("TikTok's custom_audience/get answer has no audience " + audienceId, null);
    }
}
