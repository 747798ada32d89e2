package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /open_api/v1.3/dmp/custom_audience/file/upload/}, a {@code multipart/form-data} form
 * of {@code advertiser_id}, {@code calculate_type} (the encryption type of every line),
 * {@code file} (one identifier a line) and {@code file_signature} (the MD5 hex of the file, which
 * TikTok checks). Every line must be a SHA-256 hex hash, as the SHA-256 types the sandbox
 * simulates need. Answers {@code {file_path}}, the name create and update calls use.
 */
final class CustomerFileUpload {

    /** The encryption types of SHA-256 hashed identifiers. */
    static final Set<String> CALCULATE_TYPES = Set.of("EMAIL_SHA256", "PHONE_SHA256", "IDFA_SHA256", "GAID_SHA256",
            "MAID_SHA256");

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final CustomerFiles files;

    CustomerFileUpload(CustomerFiles files) {
        this.files = files;
    }

    ApiResponse handle(ApiRequest request, PlatformState state) {
        MultipartForm form = MultipartForm.parse(request.header("Content-Type"), request.body());
        SimulatedAccount account = Advertisers.require(state, form.field("advertiser_id"));
        String calculateType = requireCalculateType(form.field("calculate_type"));
        String file = form.parts().get("file");
        if (file == null || !form.fileNames().containsKey("file")) {
            throw TikTokError.parameter("file: Missing data for required field.");
        }
        if (!form.field("file_signature").equalsIgnoreCase(md5Hex(file))) {
            throw TikTokError.parameter("file_signature: The signature does not match the file.");
        }
        List<String> hashes = lines(file);
        String name = form.parts().getOrDefault("file_name", form.fileNames().get("file"));
        String path = files.store(new CustomerFiles.CustomerFile(account.accountId(), calculateType, hashes), name,
                state.clock().instant());
        return TikTokReplies.ok(Json.object().put("file_path", path));
    }

    /** @return the encryption type, when the sandbox simulates it */
    static String requireCalculateType(String calculateType) {
        if (!CALCULATE_TYPES.contains(calculateType)) {
            throw TikTokError.parameter("calculate_type: the sandbox simulates "
                    + CALCULATE_TYPES.stream().sorted().toList() + ", not " + calculateType + ".");
        }
        return calculateType;
    }

    private static List<String> lines(String file) {
        List<String> hashes = new ArrayList<>();
        String[] lines = file.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            if (!SHA256_HEX.matcher(line).matches()) {
                throw TikTokError.parameter("file: Line " + (i + 1) + " is not a SHA256 hash.");
            }
            hashes.add(line);
        }
        if (hashes.isEmpty()) {
            throw TikTokError.parameter("file: The file is empty.");
        }
        return List.copyOf(hashes);
    }

    private static String md5Hex(String file) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(file.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
