package ai.stratum.sandbox.tiktok;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customer files uploaded to one simulated TikTok, by the {@code file_path} the upload answered
 * (like TikTok's {@code "ad-site-i18n-sg/<time><advertiser>_<file name>"}, with a sequence number so
 * two uploads never share a path), and the encryption type of each audience created from them: an
 * audience only takes files of its own type. Thread-safe.
 */
final class CustomerFiles {

    /**
     * An uploaded file.
     *
     * @param advertiserId  the advertiser that uploaded it
     * @param calculateType its encryption type, such as {@code EMAIL_SHA256}
     * @param hashes        its lines
     */
    record CustomerFile(String advertiserId, String calculateType, List<String> hashes) {
    }

    private static final DateTimeFormatter PATH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final Map<String, CustomerFile> files = new ConcurrentHashMap<>();
    private final Map<String, String> audienceTypes = new ConcurrentHashMap<>();
    private final Map<String, Instant> audienceCreated = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** @return the new file's path */
    String store(CustomerFile file, String fileName, Instant at) {
        String path = "ad-site-i18n-sg/" + PATH_TIME.format(at) + file.advertiserId() + "_" + sequence.incrementAndGet()
                + "_" + fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        files.put(path, file);
        return path;
    }

    /** @return the advertiser's file at that path */
    CustomerFile file(String path, String advertiserId) {
        CustomerFile file = files.get(path);
        if (file == null || !file.advertiserId().equals(advertiserId)) {
            throw TikTokError.parameter("file_paths: File " + path + " does not exist.");
        }
        return file;
    }

    /** Notes the encryption type and creation time of a new audience. */
    void created(String audienceId, String calculateType, Instant at) {
        audienceTypes.put(audienceId, calculateType);
        audienceCreated.put(audienceId, at);
    }

    /** @return the audience's encryption type, when it was created from files here */
    Optional<String> calculateType(String audienceId) {
        return Optional.ofNullable(audienceTypes.get(audienceId));
    }

    /** @return when the audience was created, when it was created here */
    Optional<Instant> createdAt(String audienceId) {
        return Optional.ofNullable(audienceCreated.get(audienceId));
    }
}
