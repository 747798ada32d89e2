package ai.stratum.server.ml.models;

/**
 * The statements that register a model version, shared by the server's R2DBC repository and the
 * command line's JDBC path ({@code ml train … --tenant}), so both number and activate versions the same
 * way. Run in order in one transaction: take the tenant and type's advisory lock (so concurrent
 * registrations number their versions one after the other), retire the active version, insert the new
 * one as active with the next version number.
 */
public final class ModelRegistrySql {

    /** $1 tenant id as text, $2 model type. */
    public static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('model_registry:' || $1 || ':' || $2))";
    /** $1 tenant id, $2 model type. */
    public static final String RETIRE = "UPDATE model_registry SET active = false WHERE tenant_id = $1 AND model_type = $2 AND active";
    /**
     * $1 tenant id, $2 model type, $3 metrics JSON, $4 training rows, $5 test rows, $6 source, $7 training job id,
     * $8 artifact, $9 revision, $10 created by; returns the version and its creation time.
     */
    public static final String INSERT = "INSERT INTO model_registry (tenant_id, model_type, version, active, metrics, training_rows, "
            + "test_rows, source, training_job_id, artifact, revision, created_by) "
            + "SELECT $1, $2, coalesce(max(version), 0) + 1, true, $3::jsonb, $4, $5, $6, $7, $8, $9, $10 "
            + "FROM model_registry WHERE tenant_id = $1 AND model_type = $2 RETURNING version, created_at";

    private ModelRegistrySql() {
    }
}
