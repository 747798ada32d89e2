package ai.stratum.server.redis;

import io.lettuce.core.RedisURI;

/**
 * The configured Redis URL. It may carry a password ({@code redis://:secret@host:6379}), so its
 * {@link #toString()} is the redacted form: whatever is printed or logged never shows credentials.
 */
public final class RedisUrl {

    private final String url;

    private RedisUrl(String url) {
        this.url = url;
    }

    /** Parses eagerly, so a malformed URL fails at start-up rather than at the first command. */
    public static RedisUrl parse(String url) {
        RedisURI.create(url);
        return new RedisUrl(url.strip());
    }

    /** Lettuce's view of the URL, credentials included: pass it to a client, never to a log. */
    public RedisURI toRedisUri() {
        return RedisURI.create(url);
    }

    /** True when the URL names a user or password, which {@link #redacted()} leaves out. */
    public boolean hasCredentials() {
        return authority().contains("@");
    }

    /**
     * The URL without its user-info part. Done on the text rather than with {@link java.net.URI}
     * because sentinel URLs ({@code redis-sentinel://pw@h1:26379,h2:26379/0#master}) list several
     * hosts, which {@code URI} does not parse as a server authority and would leave untouched.
     */
    public String redacted() {
        String authority = authority();
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int authorityStart = url.indexOf("://") + 3;
        return url.substring(0, authorityStart) + authority.substring(at + 1)
                + url.substring(authorityStart + authority.length());
    }

    private String authority() {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return "";
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(start, end);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
