package ai.stratum.server.ml.cache;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CanonicalJsonTest {

    record Scenario(String name, double budgetChangePercent) {
    }

    enum Level { LOW }

    @Test
    void writesTheSameTextWhateverOrderAMapWasBuiltIn() {
        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("a", 1);
        forward.put("b", List.of(Map.of("y", 2, "x", 1)));
        Map<String, Object> backward = new LinkedHashMap<>();
        backward.put("b", List.of(Map.of("x", 1, "y", 2)));
        backward.put("a", 1);

        assertThat(CanonicalJson.of(forward)).isEqualTo(CanonicalJson.of(backward)).isEqualTo("{\"a\":1,\"b\":[{\"x\":1,\"y\":2}]}");
        assertThat(CanonicalJson.sha256(forward)).isEqualTo(CanonicalJson.sha256(backward)).hasSize(64);
    }

    @Test
    void keepsTheOrderOfLists() {
        assertThat(CanonicalJson.of(List.of(1, 2))).isNotEqualTo(CanonicalJson.of(List.of(2, 1)));
    }

    @Test
    void readsARecordAsTheMapOfItsComponents() {
        assertThat(CanonicalJson.of(new Scenario("+20%", 20))).isEqualTo(CanonicalJson.of(Map.of("budgetChangePercent", 20, "name", "+20%")));
    }

    @Test
    void writesIntegralNumbersAsIntegers() {
        assertThat(CanonicalJson.of(List.of(2, 2L, 2.0, 2.0f, new BigDecimal("2.00")))).isEqualTo("[2,2,2,2,2]");
        assertThat(CanonicalJson.of(List.of(0.5, new BigDecimal("0.50")))).isEqualTo("[0.5,0.5]");
        assertThat(CanonicalJson.of(List.of(Double.NaN, 1e300))).isEqualTo("[\"NaN\",1.0E300]");
    }

    @Test
    void writesEnumsDatesOptionalsAndEscapes() {
        assertThat(CanonicalJson.of(List.of(Level.LOW, LocalDate.of(2026, 12, 1), Optional.empty(), Optional.of("x"), "a\"b\\c\n")))
                .isEqualTo("[\"LOW\",\"2026-12-01\",null,\"x\",\"a\\\"b\\\\c\\n\"]");
        assertThat(CanonicalJson.of(new double[] {1.5, 2})).isEqualTo("[1.5,2]");
    }

    @Test
    void refusesPlainObjects() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.of(List.of(new Object())))
                .withMessageContaining("cannot key a cache by a java.lang.Object");
    }
}
