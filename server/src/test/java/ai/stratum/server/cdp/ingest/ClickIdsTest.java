package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClickIdsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://shop.example/?gclid=Cj0KCQ_abc&utm_source=google        | gclid:Cj0KCQ_abc",
            "https://shop.example/landing?fbclid=IwAR2x-Y%3D#top                | fbclid:IwAR2x-Y=",
            "https://shop.example/?ttclid=E.C.P.123                             | ttclid:E.C.P.123",
            "https://shop.example/?ScCid=3a5d-11ee                              | sccid:3a5d-11ee",
            "https://shop.example/?GCLID=upper                                  | gclid:upper",
            "?gclid=from-search                                                 | gclid:from-search"})
    void readsClickIdsFromThePageUrl(String url, String expected) {
        List<Identifier> found = ClickIds.of(Map.of("page", Map.of("url", url)), Map.of());

        assertThat(found).extracting(Identifier::value).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://shop.example/?utm_source=google",
            "https://shop.example/?gclid=",
            "https://shop.example/?gclid=%zz",
            "https://shop.example/#gclid",
            "https://shop.example/?notgclid=x"})
    void ignoresWhatIsNotAClickId(String url) {
        assertThat(ClickIds.of(Map.of("page", Map.of("url", url)), Map.of())).isEmpty();
    }

    @Test
    void readsPagePropertiesAndNamedPropertiesToo() {
        List<Identifier> found = ClickIds.of(Map.of("page", Map.of("search", "?fbclid=f1")),
                Map.of("url", "https://shop.example/?gclid=g1", "ttclid", "t1", "sccid", 42));

        assertThat(found).extracting(Identifier::value).containsExactlyInAnyOrder("fbclid:f1", "gclid:g1", "ttclid:t1");
    }

    @Test
    void theSameClickIdTwiceIsOneIdentifier() {
        List<Identifier> found = ClickIds.of(Map.of("page", Map.of("url", "https://x.io/?gclid=g1", "search", "?gclid=g1")),
                Map.of("gclid", "g1"));

        assertThat(found).hasSize(1);
    }
}
