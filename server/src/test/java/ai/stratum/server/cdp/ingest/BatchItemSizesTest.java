package ai.stratum.server.cdp.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class BatchItemSizesTest {

    static Stream<Arguments> bodies() {
        String page = "{\"type\":\"page\",\"userId\":\"u\"}";
        String tricky = "{\"event\":\"a ] } [ { \\\" b\",\"p\":[1,{\"q\":[]}]}";
        String accented = "{\"traits\":{\"name\":\"Zoë Ünal 東京\"}}";
        return Stream.of(
                arguments("items as sent", "{\"batch\":[" + page + "," + page + "]}", new int[] {page.length(), page.length()}),
                arguments("whitespace between items is no item's",
                        "{ \"batch\" : [ " + page + " ,\n\t" + page + " ] }", new int[] {page.length(), page.length()}),
                arguments("whitespace inside an item is the item's",
                        "{\"batch\":[{ \"type\" : \"page\" }]}", new int[] {"{ \"type\" : \"page\" }".length()}),
                arguments("brackets, braces and escaped quotes in strings", "{\"batch\":[" + tricky + "]}", new int[] {tricky.length()}),
                arguments("bytes, not characters", "{\"batch\":[" + accented + "]}",
                        new int[] {accented.getBytes(StandardCharsets.UTF_8).length}),
                arguments("scalars and null as items", "{\"batch\":[\"text\",12.5,null,true]}", new int[] {6, 4, 4, 4}),
                arguments("an empty batch", "{\"batch\":[]}", new int[0]),
                arguments("fields before and after the batch",
                        "{\"context\":{\"batch\":[1,2,3]},\"batch\":[" + page + "],\"sentAt\":\"2026-12-01T00:00:00Z\"}",
                        new int[] {page.length()}),
                arguments("the last batch when the key repeats, as decoding keeps",
                        "{\"batch\":[1,2],\"batch\":[" + page + "]}", new int[] {page.length()}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void readsEachItemsSizeOffTheBody(String what, String body, int[] expected) {
        assertThat(BatchItemSizes.of(body.getBytes(StandardCharsets.UTF_8))).hasValueSatisfying(sizes -> assertThat(sizes).containsExactly(expected));
    }

    static Stream<Arguments> withoutSizes() {
        return Stream.of(
                arguments("not JSON", "batch"),
                arguments("an array, not an object", "[{\"batch\":[]}]"),
                arguments("no batch", "{\"events\":[{}]}"),
                arguments("a batch that is not an array", "{\"batch\":{\"type\":\"page\"}}"),
                arguments("a later batch that is not an array", "{\"batch\":[{}],\"batch\":\"x\"}"),
                arguments("cut off inside the batch", "{\"batch\":[{\"type\":\"pa"),
                arguments("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutSizes")
    void tellsNothingOfABodyWithoutABatchArray(String what, String body) {
        assertThat(BatchItemSizes.of(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
