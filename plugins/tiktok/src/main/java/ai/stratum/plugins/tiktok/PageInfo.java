package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * TikTok's page-number paging: {@code data.page_info {page, page_size, total_number, total_page}}.
 * The last page is the one where {@code page >= total_page}; an empty result has
 * {@code total_page} 0.
 *
 * @param page      the page answered, from 1
 * @param totalPage how many pages there are
 */
record PageInfo(int page, int totalPage) {

    /** The largest page size TikTok's list and report endpoints accept. */
    static final int MAX_PAGE_SIZE = 1000;

    static PageInfo of(JsonNode data, String what) {
        JsonNode info = data.path("page_info");
        JsonNode page = info.path("page");
        JsonNode totalPage = info.path("total_page");
        if (!page.isIntegralNumber() || !totalPage.isIntegralNumber()) {
            throw ConnectorException.malformedResponse("TikTok's " + what + " answer has no page_info.page and "
                    + "page_info.total_page", null);
        }
        return new PageInfo(page.intValue(), totalPage.intValue());
    }

    /** @return whether a page follows this one */
    boolean hasNext() {
        return page < totalPage;
    }
}
