package ai.stratum.sandbox.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of paged reports as they stood when their first page was asked for. The platforms page
 * a long report (Meta's insights by offset cursor, TikTok's by page number) over one result, and
 * recomputing the whole simulated report for every page would make reading N rows cost N² / page
 * size draws: a year of 500 campaigns would take minutes. So the first page computes the rows and
 * keeps them; later pages of the same report read them. A first page always computes afresh, so
 * a change to the simulation shows in the next report read from its start.
 *
 * <p>Keys must tell reports apart completely, including the account object (accounts of other
 * sandboxes may share ids). The few most recent reports are kept. Thread-safe.
 *
 * @param <R> a report row
 */
public final class ReportSnapshots<R> {

    private static final int KEPT = 16;

    private final Map<Object, List<R>> reports = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, List<R>> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * @param key       everything that decides the report's rows (account, level, days, filters), not the page
     * @param firstPage whether the request is for the report's first page
     * @param compute   computes the rows
     * @return the report's rows: computed for a first page, else as the first page saw them when still kept
     */
    public List<R> rows(Object key, boolean firstPage, Supplier<List<R>> compute) {
        if (!firstPage) {
            synchronized (reports) {
                List<R> kept = reports.get(key);
                if (kept != null) {
                    return kept;
                }
            }
        }
        List<R> rows = List.copyOf(compute.get());
        synchronized (reports) {
            reports.put(key, rows);
        }
        return rows;
    }
}
