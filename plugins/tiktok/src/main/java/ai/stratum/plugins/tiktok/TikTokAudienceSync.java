package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.NewAudience;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Keeps a TikTok Customer File audience (DMP custom audience) in step with a Stratum segment.
 *
 * <p>Create: TikTok creates a Customer File audience only from uploaded files of one encryption
 * type, so the first members are uploaded as files ({@link AudienceFiles}) and the audience is
 * created from them with {@code POST dmp/custom_audience/create/} {@code {advertiser_id,
 * custom_audience_name, calculate_type, file_paths}}; the answer's
 * {@code data.custom_audience_id} is the audience's id. Files beyond the first
 * {@value #FILES_PER_UPDATE} (over 2.4 million members) are appended right after. Names longer
 * than TikTok's {@value #MAX_NAME_LENGTH} characters are refused before any call.
 *
 * <p>Update: the added hashes are uploaded as files, then appended with
 * {@code POST dmp/custom_audience/update/} {@code {advertiser_id, custom_audience_id,
 * action: "APPEND", file_paths}}; the removed ones likewise with {@code action: "REMOVE"}. TikTok
 * adds only lines not yet in the audience and removes only lines in it, so a repeated update is
 * harmless. Adds go first because TikTok refuses a change that leaves an audience under 1,000
 * users. At most {@value #FILES_PER_UPDATE} files go in one call (TikTok recommends fewer than
 * 50). The action is always sent: TikTok's default is REPLACE.
 *
 * <p>Match: {@code GET dmp/custom_audience/get/?advertiser_id=..&custom_audience_ids=["<id>"]};
 * TikTok reports one figure, {@code cover_num}, the users the audience covers after matching: it
 * is the matched count. TikTok does not say how many lines were uploaded, so the uploaded count is
 * empty. TikTok gives no computation time, so the reading time is used.
 */
@Extension
public class TikTokAudienceSync implements AudienceSync {

    static final int FILES_PER_UPDATE = 49;
    static final int MAX_NAME_LENGTH = 128;
    static final String CREATE_PATH = "dmp/custom_audience/create";
    static final String UPDATE_PATH = "dmp/custom_audience/update";
    static final String GET_PATH = "dmp/custom_audience/get";

    @Override
    public String connectorId() {
        return TikTokPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<String> createAudience(ConnectorContext context, NewAudience audience) {
        return Stages.attempt(() -> {
            if (audience.name().length() > MAX_NAME_LENGTH) {
                throw ConnectorException.rejected("TikTok audience names have at most " + MAX_NAME_LENGTH
                        + " characters; this one has " + audience.name().length(), null);
            }
            TikTokApi api = new TikTokApi(context);
            return AudienceFiles.upload(api, audience.accountId(), audience.identifierType(), audience.members())
                    .thenCompose(paths -> {
                        List<List<String>> batches = Batches.of(paths, FILES_PER_UPDATE);
                        return api.post(CREATE_PATH, createBody(audience, batches.get(0))).thenCompose(reply -> {
                            String audienceId = createdId(reply.data());
                            return Stages.sequentially(batches.subList(1, batches.size()), batch -> api.post(UPDATE_PATH,
                                    updateBody(audience.accountId(), audienceId, "APPEND", batch)))
                                    .thenApply(appended -> audienceId);
                        });
                    });
        });
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
            return api.get(GET_PATH, query).thenApply(reply -> new AudienceMatch(audienceId, OptionalLong.empty(),
                    coverNum(reply.data(), audienceId), context.clock().instant()));
        });
    }

    private static CompletionStage<Void> change(TikTokApi api, AudienceUpdate update, String action, List<String> hashes) {
        return AudienceFiles.upload(api, update.accountId(), update.identifierType(), hashes)
                .thenCompose(paths -> Stages.sequentially(Batches.of(paths, FILES_PER_UPDATE),
                        batch -> api.post(UPDATE_PATH, updateBody(update.accountId(), update.audienceId(), action, batch))))
                .thenApply(done -> null);
    }

    private static ObjectNode createBody(NewAudience audience, List<String> filePaths) {
        ObjectNode body = TikTokJson.object()
                .put("advertiser_id", audience.accountId())
                .put("custom_audience_name", audience.name())
                .put("calculate_type", AudienceFiles.calculateType(audience.identifierType()));
        body.set("file_paths", TikTokJson.array(filePaths));
        return body;
    }

    private static ObjectNode updateBody(String advertiserId, String audienceId, String action, List<String> filePaths) {
        ObjectNode body = TikTokJson.object()
                .put("advertiser_id", advertiserId)
                .put("custom_audience_id", audienceId)
                .put("action", action);
        body.set("file_paths", TikTokJson.array(filePaths));
        return body;
    }

    private static String createdId(JsonNode data) {
        JsonNode id = data.path("custom_audience_id");
        // an id, like advertiser ids, may come as a string or as a number
        String text = id.isIntegralNumber() ? id.bigIntegerValue().toString() : id.isTextual() ? id.asText() : "";
        if (text.isEmpty()) {
            throw ConnectorException.malformedResponse("TikTok's custom_audience/create answer has no "
                    + "data.custom_audience_id", null);
        }
        return text;
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
