package ai.stratum.server.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * An audited change as the {@code tenantActivity} subscription delivers it: what happened, to
 * what, and by whom, without the details a dashboard does not need.
 */
@Serdeable
public record ActivityEvent(String id, String tenantId, String action, String targetType, String targetId,
                            String actorUserId, String actorApiKeyId, String actorRole, boolean crossTenant,
                            Instant occurredAt, Map<String, String> details) {

    static ActivityEvent of(AuditLog.RecordedEvent recorded) {
        var caller = recorded.caller();
        return new ActivityEvent(recorded.id().toString(), caller.tenant().toString(), recorded.event().action(),
                recorded.event().targetType(), recorded.event().targetId(), caller.userId().toString(),
                caller.apiKeyId().map(Object::toString).orElse(null), caller.role().name(), caller.crossTenant(),
                recorded.occurredAt(), recorded.event().details());
    }
}
