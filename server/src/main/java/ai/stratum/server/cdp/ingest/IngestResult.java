package ai.stratum.server.cdp.ingest;

import java.util.List;

/**
 * The outcome of one request's events, given only after the stored ones committed.
 *
 * @param accepted   stored by this request
 * @param duplicates already stored under their source and messageId, or repeated within the request
 * @param suppressed acknowledged but not stored: they carry an identifier of an erased person
 * @param errors     one per refused event
 */
public record IngestResult(int accepted, int duplicates, int suppressed, List<EventError> errors) {

    public IngestResult {
        errors = List.copyOf(errors);
    }

    public IngestResult(int accepted, int duplicates, List<EventError> errors) {
        this(accepted, duplicates, 0, errors);
    }

    public int rejected() {
        return errors.size();
    }

    /** Every event is stored now, by this request or an earlier one. */
    public boolean success() {
        return errors.isEmpty();
    }
}
