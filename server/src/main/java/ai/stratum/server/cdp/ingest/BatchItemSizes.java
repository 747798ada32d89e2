package ai.stratum.server.cdp.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * How many bytes each item of a batch body's {@code batch} array took as sent, for the per-event
 * size limit. Reading the sizes off the body is one pass of Jackson's tokenizer; writing every
 * decoded event out again to count its bytes had cost more than validating it.
 */
final class BatchItemSizes {

    private static final JsonFactory JSON = new JsonFactory();

    private BatchItemSizes() {
    }

    /**
     * The byte length of each item of the top-level {@code batch} array (the last one, when the key
     * repeats, as decoding keeps the last); empty when {@code body} is not a JSON object holding one.
     */
    static Optional<int[]> of(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            Optional<int[]> sizes = Optional.empty();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean batch = parser.currentName().equals("batch");
                JsonToken value = parser.nextToken();
                if (batch) {
                    sizes = value == JsonToken.START_ARRAY ? Optional.of(items(parser)) : Optional.empty();
                } else {
                    parser.skipChildren();
                }
            }
            return sizes;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** With the parser on the array's start: each item's size, leaving the parser on the array's end. */
    private static int[] items(JsonParser parser) throws IOException {
        int[] sizes = new int[16];
        int n = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            long start = parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            // a scalar item's text is read lazily; reading it moves the location past its end
            parser.finishToken();
            if (n == sizes.length) {
                sizes = Arrays.copyOf(sizes, n * 2);
            }
            sizes[n++] = (int) (parser.currentLocation().getByteOffset() - start);
        }
        return Arrays.copyOf(sizes, n);
    }
}
