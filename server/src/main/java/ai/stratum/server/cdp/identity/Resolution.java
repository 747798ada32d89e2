package ai.stratum.server.cdp.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What resolving a batch of events decided, for the repository to write in one transaction.
 *
 * @param eventProfiles    the live profile each event belongs to, in batch order; after every merge of the batch
 * @param eventIdentifiers each event's identifiers as resolved (an alias's previous id typed), in batch order
 * @param newProfiles      profiles created, including ones merged into another later in the same batch
 * @param assignments      identifiers seen for the first time and the live profile that now owns them
 * @param merges           in the order they happened; a survivor may itself be merged by a later one
 * @param refusals         links not made because of a limit
 * @param mergedInto       every profile merged in this batch, existing or new, and the live profile it is part of now
 * @param liveCounts       identifier counts of every live profile the batch touched, after the batch
 * @param edges            identifier pairs seen together, one per pair, with how often and when in this batch
 */
public record Resolution(List<UUID> eventProfiles, List<List<Identifier>> eventIdentifiers, List<NewProfile> newProfiles,
                         List<Assignment> assignments, List<Merge> merges, List<Refusal> refusals,
                         Map<UUID, UUID> mergedInto, Map<UUID, IdentifierCounts> liveCounts, List<Edge> edges) {

    public Resolution {
        eventProfiles = List.copyOf(eventProfiles);
        eventIdentifiers = List.copyOf(eventIdentifiers);
        newProfiles = List.copyOf(newProfiles);
        assignments = List.copyOf(assignments);
        merges = List.copyOf(merges);
        refusals = List.copyOf(refusals);
        mergedInto = Map.copyOf(mergedInto);
        liveCounts = Map.copyOf(liveCounts);
        edges = List.copyOf(edges);
    }
}
