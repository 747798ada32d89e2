package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The customer files TikTok's DMP takes: plain text, one hashed identifier per line, uploaded
 * with {@code POST /open_api/v1.3/dmp/custom_audience/file/upload/} as {@code multipart/form-data}
 * with the fields {@code advertiser_id}, {@code calculate_type} (the encryption type of every
 * line), {@code file} and {@code file_signature} (the MD5 hex of the file's bytes, which TikTok
 * checks). Each upload answers the {@code file_path} that audience create and update calls name.
 */
final class AudienceFiles {

    /**
     * Hashes per uploaded file. TikTok's limits are on file size, far above this; the bound keeps
     * each request body (a string in memory, 65 bytes a line) near 3 MB.
     */
    static final int HASHES_PER_FILE = 50_000;

    static final String UPLOAD_PATH = "dmp/custom_audience/file/upload";

    private AudienceFiles() {
    }

    /** @return TikTok's {@code calculate_type} for the identifiers */
    static String calculateType(IdentifierType type) {
        return switch (type) {
            case EMAIL_SHA256 -> "EMAIL_SHA256";
            case PHONE_SHA256 -> "PHONE_SHA256";
            // TikTok's type for IDFA and GAID alike, lower-cased then hashed as the host does
            case MOBILE_AD_ID_SHA256 -> "MAID_SHA256";
        };
    }

    /** @return the hashes split into files of at most {@value #HASHES_PER_FILE} lines */
    static List<String> files(List<String> hashes) {
        return Batches.of(hashes, HASHES_PER_FILE).stream().map(lines -> String.join("\n", lines)).toList();
    }

    /**
     * Uploads the hashes as files, one after the other.
     *
     * @return the uploaded files' paths, in order; none for no hashes
     */
    static CompletionStage<List<String>> upload(TikTokApi api, String advertiserId, IdentifierType type,
                                                List<String> hashes) {
        return Stages.sequentially(files(hashes), file -> api.postMultipart(UPLOAD_PATH, uploadForm(advertiserId, type, file))
                .thenApply(reply -> {
                    String path = reply.data().path("file_path").asText("");
                    if (path.isEmpty()) {
                        throw ConnectorException.malformedResponse("TikTok's file upload answer has no data.file_path", null);
                    }
                    return path;
                }));
    }

    /** @return the upload form of one file */
    static MultipartForm uploadForm(String advertiserId, IdentifierType type, String file) {
        String signature = md5Hex(file);
        return new MultipartForm("stratum-" + signature)
                .field("advertiser_id", advertiserId)
                .field("calculate_type", calculateType(type))
                .field("file_signature", signature)
                .file("file", "stratum-" + signature + ".txt", "text/plain", file);
    }

    static String md5Hex(String file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
