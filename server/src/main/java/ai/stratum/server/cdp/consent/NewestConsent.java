package ai.stratum.server.cdp.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reduces a batch's statements to the newest per profile and purpose, so one upsert writes each
 * row once; the database then keeps whichever of it and the stored statement is newer. Pure.
 */
public final class NewestConsent {

    private NewestConsent() {
    }

    /** @param statements in arrival order: at equal times the later one wins */
    public static List<Map.Entry<UUID, ConsentStatement>> of(List<Map.Entry<UUID, ConsentStatement>> statements) {
        Map<Key, ConsentStatement> newest = new LinkedHashMap<>();
        for (Map.Entry<UUID, ConsentStatement> statement : statements) {
            newest.merge(new Key(statement.getKey(), statement.getValue().purpose()), statement.getValue(),
                    (kept, next) -> next.supersedes(kept) ? next : kept);
        }
        List<Map.Entry<UUID, ConsentStatement>> reduced = new ArrayList<>();
        newest.forEach((key, statement) -> reduced.add(Map.entry(key.profile(), statement)));
        return reduced;
    }

    private record Key(UUID profile, ConsentPurpose purpose) {
    }
}
