package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Changes one Snap entity the way Snap's update requires: the whole object is sent back. It reads
 * the entity ({@code GET /v1/{plural}/{id}}), drops the attributes Snap manages itself, sets the one
 * field the change is about, and puts the object back under its parent ({@code PUT
 * /v1/{parentPlural}/{parent_id}/{plural}}). Every other attribute — objective, schedule, targeting —
 * goes back exactly as read, so it cannot be reset by leaving it out. The PUT carries absolute values
 * only, so the host may retry it after a timeout or 5xx.
 */
final class EntityUpdater {

    /** Attributes Snap sets and reports but does not take in an update. */
    static final Set<String> READ_ONLY = Set.of(
            "created_at", "updated_at", "delivery_status", "creation_state", "deleted",
            "review_status", "review_status_reasons",
            "created_by_app_id", "created_by_user", "last_updated_by_app_id", "last_updated_by_user");

    private final SnapchatApi api;
    private final List<String> responses;

    /**
     * @param api       the call's API
     * @param responses where each answer body is added, in the order of the calls
     */
    EntityUpdater(SnapchatApi api, List<String> responses) {
        this.api = api;
        this.responses = responses;
    }

    CompletionStage<Void> update(EntityKind kind, String id, Change change, String accountCurrency,
            String adAccountId) {
        String what = kind.singular + " response";
        return api.get(api.urls().entity(kind.plural, id), what).thenCompose(read -> {
            responses.add(read.body());
            ObjectNode entity = writable(only(kind, id, SnapEnvelope.entities(read.root(), kind.plural, kind.singular,
                    what)));
            String parentId = SnapJson.text(entity, kind.parentField, what);
            if (kind == EntityKind.CAMPAIGN && !parentId.equals(adAccountId)) {
                throw ConnectorException.rejected("Snapchat campaign " + id + " belongs to ad account " + parentId
                        + ", not to " + adAccountId, null);
            }
            EntityChanges.apply(kind, entity, change, accountCurrency);
            return put(kind, parentId, List.of(entity));
        });
    }

    /** Puts full objects of one parent back and checks Snap accepted each. */
    CompletionStage<Void> put(EntityKind kind, String parentId, List<ObjectNode> entities) {
        ObjectNode body = SnapJson.MAPPER.createObjectNode();
        body.putArray(kind.plural).addAll(entities);
        String what = kind.singular + " update response";
        return api.sendJson("PUT", api.urls().entityUpdates(kind.parentPlural, parentId, kind.plural), body, true, what)
                .thenAccept(written -> {
                    responses.add(written.body());
                    List<ObjectNode> updated = SnapEnvelope.entities(written.root(), kind.plural, kind.singular, what);
                    if (updated.size() != entities.size()) {
                        throw SnapJson.malformed(what, "sent " + entities.size() + " " + kind.plural + ", "
                                + updated.size() + " came back");
                    }
                });
    }

    /** A copy of Snap's object without the attributes Snap manages itself. */
    static ObjectNode writable(ObjectNode entity) {
        ObjectNode copy = entity.deepCopy();
        copy.remove(READ_ONLY);
        return copy;
    }

    private static ObjectNode only(EntityKind kind, String id, List<ObjectNode> entities) {
        return entities.stream()
                .filter(entity -> id.equals(entity.path("id").asText()))
                .findFirst()
                .orElseThrow(() -> SnapJson.malformed(kind.singular + " response",
                        kind.singular + " " + id + " is not in the answer"));
    }
}
