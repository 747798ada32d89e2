package ai.stratum.plugin.api;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Pulls contacts, companies and deals from a CRM, incrementally: the host remembers the newest
 * modification time it has seen and asks only for what changed since.
 */
public interface CrmConnector extends ConnectorExtension {

    /**
     * One page of the objects of a type modified at or after an instant, oldest first.
     *
     * @param context the call's context
     * @param type    the kind of object
     * @param since   the earliest modification time wanted; {@link Instant#EPOCH} for everything
     * @param cursor  {@code null} for the first page, then {@link Page#nextCursor()}
     * @return the page
     */
    CompletionStage<Page<CrmRecord>> changedSince(ConnectorContext context, CrmObjectType type, Instant since,
            String cursor);
}
