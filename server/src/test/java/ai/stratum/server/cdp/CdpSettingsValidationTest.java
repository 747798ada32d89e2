package ai.stratum.server.cdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings the server cannot honour stop it at start, naming the variable. */
class CdpSettingsValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no e-mail may be kept       | 0 | 1 | 2 | 512000 | 32768  | 2500 | createdAt=FIRST | 1000 | STRATUM_CDP_MAX_EMAILS_PER_PROFILE",
            "no user id may be kept      | 5 | 0 | 2 | 512000 | 32768  | 2500 | createdAt=FIRST | 1000 | STRATUM_CDP_MAX_USER_IDS_PER_PROFILE",
            "no phone may be kept        | 5 | 1 | 0 | 512000 | 32768  | 2500 | createdAt=FIRST | 1000 | STRATUM_CDP_MAX_PHONES_PER_PROFILE",
            "an event larger than batch  | 5 | 1 | 2 | 1000   | 32768  | 2500 | createdAt=FIRST | 1000 | STRATUM_CDP_MAX_EVENT_BYTES",
            "no events per batch         | 5 | 1 | 2 | 512000 | 32768  | 0    | createdAt=FIRST | 1000 | STRATUM_CDP_MAX_BATCH_EVENTS",
            "an unknown trait strategy   | 5 | 1 | 2 | 512000 | 32768  | 2500 | plan=NEWEST     | 1000 | STRATUM_CDP_TRAIT_MERGE",
            "no events moved per step    | 5 | 1 | 2 | 512000 | 32768  | 2500 | createdAt=FIRST | 0    | STRATUM_CDP_REPOINT_BATCH_SIZE"})
    void refusesSettingsItCannotHonour(String what, int emails, int userIds, int phones, int batchBytes, int eventBytes, int batchEvents,
                                       String traitMerge, int repoint, String variable) {
        assertThatThrownBy(() -> new CdpSettings(emails, userIds, phones, batchBytes, eventBytes, batchEvents, List.of("Order Completed"),
                traitMerge, repoint)).hasMessageContaining(variable);
    }

    @Test
    void readsTheDefaultsOfTheSegmentApi() {
        CdpSettings settings = new CdpSettings(5, 1, 2, 512000, 32768, 2500, List.of(" Order Completed ", ""), null, 1000);

        assertThat(settings.orderEventNames()).containsExactly("Order Completed");
        assertThat(settings.identityLimits().maxEmails()).isEqualTo(5);
        assertThat(settings.traitMerger().strategyOf("createdAt")).isEqualTo(ai.stratum.server.cdp.profile.TraitStrategy.MOST_RECENT);
    }
}
