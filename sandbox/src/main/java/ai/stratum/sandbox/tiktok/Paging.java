package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * TikTok's page-number paging of list and report calls: {@code page} from 1 (default 1) and
 * {@code page_size} from 1 to 1,000 (default 10); the answer carries {@code page_info {page,
 * page_size, total_number, total_page}}, {@code total_page} 0 for no results, and a page past the
 * last is empty. The emulator may serve fewer rows a page than asked ({@code cap}, see
 * {@link TikTokEmulator#withPageCap}); {@code page_info} then names the size served.
 *
 * @param page     the page asked for
 * @param pageSize the rows a page holds
 */
record Paging(int page, int pageSize) {

    /** TikTok's page size when none is asked for. */
    static final int DEFAULT_PAGE_SIZE = 10;
    /** The largest page size TikTok accepts. */
    static final int MAX_PAGE_SIZE = 1_000;

    /** @return the paging the call asks for, each page at most {@code cap} rows */
    static Paging of(Params params, int cap) {
        int page = params.number("page", 1, 1, Integer.MAX_VALUE);
        int pageSize = params.number("page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        return new Paging(page, Math.min(pageSize, cap));
    }

    /** @return this page's rows of all of them */
    <T> List<T> slice(List<T> all) {
        long from = (long) (page - 1) * pageSize;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
    }

    /** @return {@code page_info} for a result of {@code total} rows */
    ObjectNode pageInfo(int total) {
        return Json.object()
                .put("page", page)
                .put("page_size", pageSize)
                .put("total_number", total)
                .put("total_page", (total + pageSize - 1) / pageSize);
    }
}
