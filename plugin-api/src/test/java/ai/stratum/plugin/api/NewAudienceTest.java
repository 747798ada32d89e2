package ai.stratum.plugin.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewAudienceTest {

    private static final String HASH = "a".repeat(64);

    @Test
    void keepsItsFirstMembers() {
        NewAudience audience = new NewAudience("act_1", "Buyers", IdentifierType.EMAIL_SHA256, List.of(HASH));

        assertThat(audience.members()).containsExactly(HASH);
    }

    @Test
    void needsAMemberToBeCreated() {
        assertThatThrownBy(() -> new NewAudience("act_1", "Buyers", IdentifierType.EMAIL_SHA256, List.of()))
                .hasMessageContaining("at least one member");
    }

    @Test
    void needsAName() {
        assertThatThrownBy(() -> new NewAudience("act_1", " ", IdentifierType.EMAIL_SHA256, List.of(HASH)))
                .hasMessageContaining("name");
    }

    @Test
    void refusesAPlainIdentifierWithoutRepeatingIt() {
        assertThatThrownBy(() -> new NewAudience("act_1", "Buyers", IdentifierType.EMAIL_SHA256,
                List.of("jane@example.com")))
                .hasMessage("audience identifiers must be lower-case SHA-256 hex")
                .hasMessageNotContaining("jane");
    }
}
