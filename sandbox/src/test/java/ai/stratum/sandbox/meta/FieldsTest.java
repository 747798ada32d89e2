package ai.stratum.sandbox.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

    @Test
    void keepsTheOrderAndTheSubSelections() {
        Fields fields = Fields.parse("id, name,web{event_name,event_match_quality{composite_score}},spend");

        assertThat(fields.names()).containsExactly("id", "name", "web", "spend");
        assertThat(fields.sub("web").names()).containsExactly("event_name", "event_match_quality");
        assertThat(fields.sub("web").sub("event_match_quality").names()).containsExactly("composite_score");
        assertThat(fields.sub("name").isEmpty()).isTrue();
    }

    @Test
    void takesTheDefaultsWhenNoneAreAsked() {
        assertThat(Fields.of(Optional.of(" "), "account_id,id").names()).containsExactly("account_id", "id");
        assertThat(Fields.of(Optional.empty(), "id").names()).containsExactly("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id,na}me", "web{event_name", "{id}"})
    void refusesUnbalancedBracesAsGraphsSyntaxError(String text) {
        assertThatThrownBy(() -> Fields.parse(text)).isInstanceOfSatisfying(GraphException.class, e -> assertThat(
                e.response().body()).contains("\"code\":2500", "Syntax error"));
    }
}
