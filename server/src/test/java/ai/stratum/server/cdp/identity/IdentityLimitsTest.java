package ai.stratum.server.cdp.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityLimitsTest {

    private final IdentityLimits limits = new IdentityLimits(1, 5, 2);

    @ParameterizedTest(name = "userIds={0} emails={1} phones={2} anonymous={3} -> {4}")
    @CsvSource(nullValues = "NONE", value = {
            "0, 0, 0, 0,    NONE",
            "1, 5, 2, 1000, NONE",
            "2, 0, 0, 0,    MAX_USER_IDS_PER_PROFILE",
            "0, 6, 0, 0,    MAX_EMAILS_PER_PROFILE",
            "0, 0, 3, 0,    MAX_PHONES_PER_PROFILE",
            "2, 6, 3, 0,    MAX_USER_IDS_PER_PROFILE"})
    void namesTheFirstLimitExceeded(int userIds, int emails, int phones, int anonymous, IdentityLimit expected) {
        IdentifierCounts counts = IdentifierCounts.none()
                .plus(IdentifierType.USER_ID, userIds)
                .plus(IdentifierType.EMAIL, emails)
                .plus(IdentifierType.PHONE, phones)
                .plus(IdentifierType.ANONYMOUS_ID, anonymous);

        assertThat(limits.exceededBy(counts)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void everyLimitIsAtLeastOne() {
        assertThatThrownBy(() -> new IdentityLimits(0, 5, 2)).hasMessageContaining("STRATUM_CDP_MAX_USER_IDS_PER_PROFILE");
        assertThatThrownBy(() -> new IdentityLimits(1, 0, 2)).hasMessageContaining("STRATUM_CDP_MAX_EMAILS_PER_PROFILE");
        assertThatThrownBy(() -> new IdentityLimits(1, 5, -1)).hasMessageContaining("STRATUM_CDP_MAX_PHONES_PER_PROFILE");
    }

    @Test
    void countsAddUp() {
        IdentifierCounts a = IdentifierCounts.none().plus(IdentifierType.EMAIL, 2);
        IdentifierCounts b = IdentifierCounts.none().plus(IdentifierType.EMAIL, 1).plus(IdentifierType.USER_ID, 1);

        assertThat(a.plus(b).of(IdentifierType.EMAIL)).isEqualTo(3);
        assertThat(a.plus(b).of(IdentifierType.USER_ID)).isEqualTo(1);
        assertThat(a.identifiesAPerson()).isTrue();
        assertThat(IdentifierCounts.none().plus(IdentifierType.ANONYMOUS_ID, 3).identifiesAPerson()).isFalse();
    }
}
