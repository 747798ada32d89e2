package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierNormalizer;
import ai.stratum.server.cdp.identity.IdentifierType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ad platforms' click ids, which the platforms append to a landing page's URL: Meta's
 * {@code fbclid}, Google's {@code gclid}, TikTok's {@code ttclid} and Snapchat's {@code ScCid}.
 * Read from the page URL and query string Analytics.js puts in {@code context.page} (and a page
 * call's properties), and from properties of those names. Stored as {@code <param>:<value>} with
 * the parameter name lower-cased and the value as sent.
 */
public final class ClickIds {

    static final Set<String> PARAMETERS = Set.of("fbclid", "gclid", "ttclid", "sccid");

    private ClickIds() {
    }

    public static List<Identifier> of(Map<String, Object> context, Map<String, Object> properties) {
        List<Identifier> found = new ArrayList<>();
        if (context.get("page") instanceof Map<?, ?> page) {
            fromUrl(page.get("url"), found);
            fromUrl(page.get("search"), found);
        }
        fromUrl(properties.get("url"), found);
        fromUrl(properties.get("search"), found);
        properties.forEach((name, value) -> {
            if (value instanceof String text && PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                add(name, text, found);
            }
        });
        return found.stream().distinct().toList();
    }

    private static void fromUrl(Object url, List<Identifier> found) {
        if (!(url instanceof String text)) {
            return;
        }
        int question = text.indexOf('?');
        int hash = text.indexOf('#', Math.max(question, 0));
        String query = question < 0 ? text : text.substring(question + 1, hash < 0 ? text.length() : hash);
        for (String parameter : query.split("[&?]")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && PARAMETERS.contains(parameter.substring(0, equals).toLowerCase(Locale.ROOT))) {
                decode(parameter.substring(equals + 1)).ifPresent(value -> add(parameter.substring(0, equals), value, found));
            }
        }
    }

    private static Optional<String> decode(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a malformed %-escape: not a click id we can trust
        }
    }

    private static void add(String parameter, String value, List<Identifier> found) {
        IdentifierNormalizer.prefixed(parameter, value).ifPresent(v -> found.add(new Identifier(IdentifierType.CLICK_ID, v)));
    }
}
