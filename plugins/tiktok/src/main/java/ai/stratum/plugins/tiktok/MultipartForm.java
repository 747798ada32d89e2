package ai.stratum.plugins.tiktok;

/**
 * A {@code multipart/form-data} body written as text. The host's transport takes text bodies
 * only; that suffices here because the one file this plugin uploads (a list of SHA-256 hex
 * hashes) is ASCII.
 */
final class MultipartForm {

    private static final String CRLF = "\r\n";

    private final String boundary;
    private final StringBuilder body = new StringBuilder();

    /**
     * @param boundary a boundary that cannot occur in the parts (the callers' parts are hex,
     *                 digits and upper-case words, so a boundary with a dash and a letter prefix is safe)
     */
    MultipartForm(String boundary) {
        this.boundary = boundary;
    }

    /** Adds a plain field. */
    MultipartForm field(String name, String value) {
        body.append("--").append(boundary).append(CRLF)
                .append("Content-Disposition: form-data; name=\"").append(name).append('"').append(CRLF)
                .append(CRLF)
                .append(value).append(CRLF);
        return this;
    }

    /** Adds a file part. */
    MultipartForm file(String name, String fileName, String contentType, String content) {
        body.append("--").append(boundary).append(CRLF)
                .append("Content-Disposition: form-data; name=\"").append(name)
                .append("\"; filename=\"").append(fileName).append('"').append(CRLF)
                .append("Content-Type: ").append(contentType).append(CRLF)
                .append(CRLF)
                .append(content).append(CRLF);
        return this;
    }

    /** @return the media type with the boundary */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the body, closed with the final boundary */
    String body() {
        return body + "--" + boundary + "--" + CRLF;
    }
}
