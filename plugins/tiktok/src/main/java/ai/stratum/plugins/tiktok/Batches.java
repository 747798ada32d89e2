package ai.stratum.plugins.tiktok;

import java.util.ArrayList;
import java.util.List;

/** Splits lists into TikTok's batch sizes. */
final class Batches {

    private Batches() {
    }

    /** @return the items in consecutive batches of at most {@code size}, none empty */
    static <T> List<List<T>> of(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }
}
