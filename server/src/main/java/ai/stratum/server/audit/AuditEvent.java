package ai.stratum.server.audit;

import java.util.Map;

/**
 * Something a person or key did that the tenant must be able to trace: {@code action} is a dotted
 * verb such as {@code user.created}; details never hold secrets or passwords.
 */
public record AuditEvent(String action, String targetType, String targetId, Map<String, String> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }

    public static AuditEvent of(String action, String targetType, String targetId) {
        return new AuditEvent(action, targetType, targetId, Map.of());
    }
}
