package ai.stratum.server.ml.eventquality;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The visitor's browser user agent. A server-side HTTP library's own user agent (curl, python-requests,
 * okhttp, Java's client and the like) means the event carries the advertiser's server, not the visitor,
 * and matches nobody.
 */
final class UserAgentCheck implements ValueCheck {

    static final UserAgentCheck INSTANCE = new UserAgentCheck();

    private static final Pattern SERVER_CLIENT = Pattern.compile(
            "(?i)(curl|wget|python-requests|python-urllib|python-httpx|aiohttp|okhttp|java|apache-httpclient"
                    + "|axios|node-fetch|undici|go-http-client|guzzlehttp|postmanruntime|ruby|libwww-perl|php)\\b.*");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]+");

    private UserAgentCheck() {
    }

    @Override
    public Optional<String> problem(String value) {
        if (!PRINTABLE.matcher(value).matches()) {
            return Optional.of("is not a user agent: it holds characters outside printable ASCII");
        }
        if (SERVER_CLIENT.matcher(value).matches()) {
            return Optional.of("is a server-side HTTP client's user agent: send the visitor's browser user agent");
        }
        if (value.length() < 10) {
            return Optional.of("is too short to be a browser's user agent");
        }
        return Optional.empty();
    }
}
