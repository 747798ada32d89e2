package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.platform.Audiences;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Snap keeps of a segment beyond the platform's {@link Audiences} — when it was created, its
 * retention and description — per platform (keyed by the platform's audiences, so one emulator can
 * serve several sandboxes without their segment ids meeting). Thread-safe.
 */
final class SegmentNotes {

    /**
     * @param createdAt   when the segment was created
     * @param retention   {@code retention_in_days}
     * @param description the description, when one was given
     */
    record Note(Instant createdAt, int retention, Optional<String> description) {
    }

    private final Map<Audiences, Map<String, Note>> notes = new WeakHashMap<>();

    synchronized void put(Audiences audiences, String segmentId, Note note) {
        notes.computeIfAbsent(audiences, ignored -> new ConcurrentHashMap<>()).put(segmentId, note);
    }

    synchronized Optional<Note> get(Audiences audiences, String segmentId) {
        return Optional.ofNullable(notes.getOrDefault(audiences, Map.of()).get(segmentId));
    }
}
