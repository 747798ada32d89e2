package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Audiences;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * TikTok's Customer File audiences (DMP custom audiences) over the platform's
 * {@link Audiences}, built from uploaded files ({@link CustomerFileUpload}, {@link CustomerFiles}):
 * <ul>
 *   <li>{@code POST dmp/custom_audience/create/} {@code {advertiser_id, custom_audience_name (at most
 *       128 characters), calculate_type, file_paths}}: every file of that encryption type; answers
 *       {@code {custom_audience_id}};</li>
 *   <li>{@code POST dmp/custom_audience/update/} {@code {advertiser_id, custom_audience_id, action,
 *       file_paths}}: {@code APPEND} adds the lines not yet in the audience, {@code REMOVE} removes
 *       those in it, {@code REPLACE} (TikTok's default) replaces every member; refused, as TikTok
 *       refuses it, when the audience would hold fewer than {@value #MIN_SIZE} members after it;
 *       answers an empty {@code data};</li>
 *   <li>{@code GET dmp/custom_audience/get/?advertiser_id=..&custom_audience_ids=[..]}:
 *       {@code data.list[]} of {@code {audience_details{audience_id, name, audience_type,
 *       calculate_type, cover_num, is_valid, ...}, audience_history[]}}, where {@code cover_num}
 *       is the platform's matched count: TikTok reports no uploaded count.</li>
 * </ul>
 */
final class AudienceRoutes {

    /** TikTok's smallest audience after an update. */
    static final int MIN_SIZE = 1_000;

    private static final int MAX_NAME_LENGTH = 128;

    private final CustomerFiles files;

    AudienceRoutes(CustomerFiles files) {
        this.files = files;
    }

    ApiResponse create(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        SimulatedAccount account = Advertisers.require(state, params);
        String name = params.text("custom_audience_name");
        if (name.length() > MAX_NAME_LENGTH) {
            throw TikTokError.parameter("custom_audience_name: Length must be at most " + MAX_NAME_LENGTH + ".");
        }
        String calculateType = CustomerFileUpload.requireCalculateType(params.text("calculate_type"));
        Set<String> hashes = hashesOf(params.texts("file_paths", 1, 1_000), account, calculateType);
        Audiences.Audience audience = state.audiences().create(account.accountId(), name);
        state.audiences().add(audience.id(), hashes);
        files.created(audience.id(), calculateType, state.clock().instant());
        return TikTokReplies.ok(Json.object().put("custom_audience_id", audience.id()));
    }

    ApiResponse update(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        Writes.requireOnly(params, Set.of("advertiser_id", "custom_audience_id", "action", "file_paths"),
                "dmp/custom_audience/update");
        SimulatedAccount account = Advertisers.require(state, params);
        Audiences.Audience audience = audience(state, account, params.text("custom_audience_id"));
        String action = params.optionalText("action").orElse("REPLACE");
        String calculateType = files.calculateType(audience.id()).orElse(null);
        Set<String> hashes = hashesOf(params.texts("file_paths", 1, 1_000), account, calculateType);
        Set<String> after = new LinkedHashSet<>(state.audiences().members(audience.id()));
        switch (action) {
            case "APPEND" -> after.addAll(hashes);
            case "REMOVE" -> after.removeAll(hashes);
            case "REPLACE" -> after = hashes;
            default -> throw TikTokError.parameter("action: Must be one of: APPEND, REMOVE, REPLACE.");
        }
        if (after.size() < MIN_SIZE) {
            throw TikTokError.parameter("The audience size cannot be less than " + MIN_SIZE + " after the operation.");
        }
        state.audiences().remove(audience.id(), state.audiences().members(audience.id()));
        state.audiences().add(audience.id(), after);
        return TikTokReplies.ok(Json.object());
    }

    ApiResponse get(ApiRequest request, PlatformState state) {
        Params params = Params.ofQuery(request.query());
        SimulatedAccount account = Advertisers.require(state, params);
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("list");
        for (String id : params.texts("custom_audience_ids", 1, 100)) {
            Audiences.Audience audience = audience(state, account, id);
            ObjectNode entry = list.addObject();
            ObjectNode details = entry.putObject("audience_details")
                    .put("audience_id", audience.id())
                    .put("name", audience.name())
                    .put("audience_type", "Customer File")
                    .put("cover_num", state.audiences().matched(audience.id()))
                    .put("is_valid", true)
                    .put("is_expiring", false)
                    .put("is_creator", true)
                    .put("shared", false);
            files.calculateType(audience.id()).ifPresent(type -> details.put("calculate_type", type));
            files.createdAt(audience.id()).ifPresent(at -> details.put("create_time", TikTokTimes.dateTime(at)));
            entry.putArray("audience_history");
        }
        return TikTokReplies.ok(data);
    }

    private static Audiences.Audience audience(PlatformState state, SimulatedAccount account, String id) {
        return state.audiences().find(id).filter(audience -> audience.accountId().equals(account.accountId()))
                .orElseThrow(() -> TikTokError.parameter("custom_audience_id: Audience " + id + " does not exist."));
    }

    /** @return the lines of the advertiser's files, all of the encryption type when one is given */
    private Set<String> hashesOf(List<String> paths, SimulatedAccount account, String calculateType) {
        Set<String> hashes = new LinkedHashSet<>();
        for (String path : paths) {
            CustomerFiles.CustomerFile file = files.file(path, account.accountId());
            if (calculateType != null && !calculateType.equals(file.calculateType())) {
                throw TikTokError.parameter("file_paths: File " + path + " is encrypted as " + file.calculateType()
                        + ", not " + calculateType + ".");
            }
            hashes.addAll(file.hashes());
        }
        return hashes;
    }
}
