package ai.stratum.sandbox.tiktok;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body as TikTok's file upload takes it: each part's name (and a file
 * part's file name) from its {@code Content-Disposition}, its content as text. The files uploaded
 * are customer lists of hashes, so text suffices.
 *
 * @param parts     the parts' contents by name
 * @param fileNames the file names of the file parts, by name
 */
record MultipartForm(Map<String, String> parts, Map<String, String> fileNames) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    /**
     * @param contentType the request's {@code Content-Type}
     * @param body        the request's body
     * @return the form
     * @throws TikTokError when the body is not a multipart form
     */
    static MultipartForm parse(Optional<String> contentType, String body) {
        Matcher boundary = BOUNDARY.matcher(contentType.orElse(""));
        if (!contentType.orElse("").startsWith("multipart/form-data") || !boundary.find()) {
            throw TikTokError.parameter("Content-Type must be multipart/form-data with a boundary.");
        }
        String delimiter = "--" + boundary.group(1);
        Map<String, String> parts = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        String[] chunks = body.split(Pattern.quote(delimiter), -1);
        if (chunks.length < 2 || !chunks[chunks.length - 1].startsWith("--")) {
            throw TikTokError.parameter("The multipart body is not closed by its final boundary.");
        }
        for (int i = 1; i < chunks.length - 1; i++) {
            String chunk = chunks[i];
            int headersEnd = chunk.indexOf("\r\n\r\n");
            if (!chunk.startsWith("\r\n") || headersEnd < 0 || !chunk.endsWith("\r\n")) {
                throw TikTokError.parameter("A multipart part is malformed.");
            }
            String headers = chunk.substring(2, headersEnd);
            String content = chunk.substring(headersEnd + 4, chunk.length() - 2);
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                throw TikTokError.parameter("A multipart part has no name.");
            }
            parts.put(name.group(1), content);
            Matcher fileName = FILE_NAME.matcher(headers);
            if (fileName.find()) {
                fileNames.put(name.group(1), fileName.group(1));
            }
        }
        return new MultipartForm(Map.copyOf(parts), Map.copyOf(fileNames));
    }

    /** @return a required field's text */
    String field(String name) {
        String value = parts.get(name);
        if (value == null || value.isBlank()) {
            throw TikTokError.parameter(name + ": Missing data for required field.");
        }
        return value;
    }
}
