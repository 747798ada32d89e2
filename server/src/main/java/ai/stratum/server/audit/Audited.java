package ai.stratum.server.audit;

/** The result of a change together with the audit event its transaction wrote. */
public record Audited<T>(T value, AuditLog.RecordedEvent event) {
}
