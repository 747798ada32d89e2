package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Graph API cursor paging: a list answer has {@code paging.cursors.after} and, while more results
 * follow, {@code paging.next}. The last page has no {@code next} (its {@code after} cursor still
 * points past it), so {@code next} alone decides whether to go on; the plugin resumes with the
 * {@code after} cursor on its own URL rather than following {@code next}, whose host is Meta's.
 */
final class GraphPaging {

    /** More pages than a sane account has; stops a platform that keeps answering with a next page. */
    private static final int MAX_PAGES = 10_000;

    private GraphPaging() {
    }

    /** @return the {@code after} cursor of the next page, or empty on the last page */
    static Optional<String> nextAfter(JsonNode page, String what) {
        JsonNode paging = page.path("paging");
        if (!paging.hasNonNull("next")) {
            return Optional.empty();
        }
        JsonNode after = paging.path("cursors").path("after");
        if (!after.isTextual() || after.asText().isBlank()) {
            throw JsonFields.malformed(what + " has a next page but no paging.cursors.after");
        }
        return Optional.of(after.asText());
    }

    /**
     * Reads every page of a list.
     *
     * @param client the client
     * @param pageUrl the URL of a page: {@code null} for the first, else the {@code after} cursor
     * @param what what the list is, for error messages
     * @return every page's answer, in order
     */
    static CompletionStage<List<GraphResponse>> all(GraphClient client, Function<String, URI> pageUrl, String what) {
        return from(client, pageUrl, what, null, new ArrayList<>());
    }

    private static CompletionStage<List<GraphResponse>> from(GraphClient client, Function<String, URI> pageUrl,
            String what, String after, List<GraphResponse> pages) {
        return client.get(pageUrl.apply(after)).thenCompose(page -> {
            pages.add(page);
            Optional<String> next = nextAfter(page.json(), what);
            if (next.isEmpty()) {
                return CompletableFuture.completedStage(List.copyOf(pages));
            }
            if (next.get().equals(after) || pages.size() >= MAX_PAGES) {
                throw JsonFields.malformed(what + " keeps pointing at another page after " + pages.size() + " pages");
            }
            return from(client, pageUrl, what, next.get(), pages);
        });
    }
}
