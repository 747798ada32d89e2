package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.Audiences;
import ai.stratum.sandbox.platform.PlatformState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Snap's customer-list (Audience Match) segments over the platform's {@link Audiences}.
 *
 * <ul>
 *   <li>{@code POST /v1/adaccounts/{id}/segments} with {@code {"segments": [{name, source_type: FIRST_PARTY,
 *       retention_in_days, ad_account_id, description?}]}}: the new segment, {@code status} PENDING and
 *       {@code approximate_number_users} 0, as in Snap's documented answer.</li>
 *   <li>{@code POST} and {@code DELETE /v1/segments/{id}/users} with {@code {"users": [{"schema": ["EMAIL_SHA256"],
 *       "data": [["<sha256>"], …]}]}}, at most {@value #MAX_IDENTIFIERS} identifiers per request; the answer
 *       {@code {"users": [{"sub_request_status", "user": {"number_uploaded_users"}}]}} counts the
 *       identifiers taken from the request.</li>
 *   <li>{@code GET /v1/segments/{id}}: the segment as created ({@link SegmentNotes});
 *       {@code approximate_number_users} is the number of members Snap matched to its users
 *       ({@link Audiences#matched}) — Snap reports no count of uploaded identifiers; {@code upload_status} NO_UPLOAD or COMPLETE, {@code targetable_status} READY from
 *       1,000 matched users, TOO_FEW_USERS below.</li>
 * </ul>
 */
final class Segments {

    static final int MAX_IDENTIFIERS = 100_000;
    private static final int TARGETABLE_FROM = 1_000;
    private static final Set<String> SCHEMAS = Set.of("EMAIL_SHA256", "PHONE_SHA256", "MOBILE_AD_ID_SHA256");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final PlatformState state;
    private final SegmentNotes notes;

    Segments(PlatformState state, SegmentNotes notes) {
        this.state = state;
        this.notes = notes;
    }

    ApiResponse create(ApiRequest request, String adAccountId) {
        state.account(adAccountId).orElseThrow(SnapRefusal::notFound);
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode object : UpdateBatch.objects(request, "segments")) {
            try {
                entries.add(UpdateBatch.applied("segment", create(adAccountId, object)));
            } catch (UpdateBatch.Refused refused) {
                entries.add(refused.entry());
            }
        }
        return UpdateBatch.answer("segments", entries);
    }

    ApiResponse get(String segmentId) {
        Audiences.Audience audience = state.audiences().find(segmentId).orElseThrow(SnapRefusal::notFound);
        int members = state.audiences().members(segmentId).size();
        long matched = state.audiences().matched(segmentId);
        ObjectNode segment = segment(audience, "ACTIVE", matched)
                .put("upload_status", members == 0 ? "NO_UPLOAD" : "COMPLETE")
                .put("targetable_status", members == 0 ? "NOT_READY"
                        : matched >= TARGETABLE_FROM ? "READY" : "TOO_FEW_USERS");
        return SnapResponses.ok(SnapResponses.envelope("segments", "segment", List.of(segment)));
    }

    /** Adds ({@code POST}) or removes ({@code DELETE}) identifiers. */
    ApiResponse users(ApiRequest request, String segmentId) {
        state.audiences().find(segmentId).orElseThrow(SnapRefusal::notFound);
        List<String> hashes = hashes(request);
        if (request.method().equals("POST")) {
            state.audiences().add(segmentId, hashes);
        } else {
            state.audiences().remove(segmentId, hashes);
        }
        ObjectNode user = Json.object().put("number_uploaded_users", hashes.size());
        return SnapResponses.ok(SnapResponses.envelope("users", "user", List.of(user)));
    }

    private ObjectNode create(String adAccountId, ObjectNode object) {
        String name = UpdateBatch.text(object, "name");
        UpdateBatch.requireEqual("ad_account_id", UpdateBatch.text(object, "ad_account_id"), adAccountId,
                "a segment is created in the ad account of the path");
        String sourceType = UpdateBatch.text(object, "source_type");
        if (!sourceType.equals("FIRST_PARTY")) {
            throw UpdateBatch.Refused.property("source_type " + sourceType
                    + " is not simulated by the sandbox; customer lists are FIRST_PARTY");
        }
        JsonNode retention = object.get("retention_in_days");
        if (retention == null || !retention.isIntegralNumber() || retention.asInt() < 1) {
            throw UpdateBatch.Refused.property("retention_in_days is required: a number of days, 9999 for lifetime");
        }
        Audiences.Audience audience = state.audiences().create(adAccountId, name);
        Optional<String> description = object.hasNonNull("description")
                ? Optional.of(object.get("description").asText()) : Optional.empty();
        notes.put(state.audiences(), audience.id(),
                new SegmentNotes.Note(state.clock().instant(), retention.asInt(), description));
        return segment(audience, "PENDING", 0);
    }

    private ObjectNode segment(Audiences.Audience audience, String status, long approximateUsers) {
        SegmentNotes.Note note = notes.get(state.audiences(), audience.id())
                .orElse(new SegmentNotes.Note(state.clock().instant(), 9999, Optional.empty()));
        String at = SnapTimes.utc(note.createdAt());
        ObjectNode segment = Json.object()
                .put("updated_at", at)
                .put("created_at", at)
                .put("name", audience.name())
                .put("id", audience.id())
                .put("ad_account_id", audience.accountId());
        note.description().ifPresent(description -> segment.put("description", description));
        return segment.put("status", status)
                .put("source_type", "FIRST_PARTY")
                .put("retention_in_days", note.retention())
                .put("approximate_number_users", approximateUsers);
    }

    private static List<String> hashes(ApiRequest request) {
        JsonNode users = Json.read(request.body().isBlank() ? "null" : request.body());
        JsonNode list = users == null ? null : users.get("users");
        if (list == null || !list.isArray() || list.size() != 1) {
            throw SnapRefusal.invalid("The request body must hold one \"users\" object with schema and data");
        }
        JsonNode upload = list.get(0);
        JsonNode schema = upload.get("schema");
        if (schema == null || !schema.isArray() || schema.size() != 1 || !SCHEMAS.contains(schema.get(0).asText())) {
            throw SnapRefusal.invalid("schema must name one of " + SCHEMAS);
        }
        JsonNode data = upload.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            throw SnapRefusal.invalid("data must be a non-empty array of identifier rows");
        }
        if (data.size() > MAX_IDENTIFIERS) {
            throw SnapRefusal.invalid("At most " + MAX_IDENTIFIERS + " identifiers can be uploaded per request; got "
                    + data.size());
        }
        List<String> hashes = new ArrayList<>(data.size());
        for (JsonNode row : data) {
            if (!row.isArray() || row.size() != 1 || !SHA256.matcher(row.get(0).asText()).matches()) {
                throw SnapRefusal.invalid("Every data row must hold one SHA-256 hex digest, normalized before hashing: "
                        + row);
            }
            hashes.add(row.get(0).asText());
        }
        return hashes;
    }
}
