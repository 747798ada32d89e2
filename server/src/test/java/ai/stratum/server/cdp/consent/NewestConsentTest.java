package ai.stratum.server.cdp.consent;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The newest statement per profile and purpose, whatever order a batch brought them in. */
class NewestConsentTest {

    private static final Instant T = Instant.parse("2026-11-01T10:00:00Z");
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void anOlderStatementArrivingLaterDoesNotWin() {
        List<Map.Entry<UUID, ConsentStatement>> newest = NewestConsent.of(List.of(
                Map.entry(alice, statement(ConsentPurpose.ADVERTISING, false, T.plusSeconds(60))),
                Map.entry(alice, statement(ConsentPurpose.ADVERTISING, true, T))));

        assertThat(newest).singleElement().satisfies(entry -> assertThat(entry.getValue().granted()).isFalse());
    }

    @Test
    void atTheSameInstantTheLaterArrivalWins() {
        List<Map.Entry<UUID, ConsentStatement>> newest = NewestConsent.of(List.of(
                Map.entry(alice, statement(ConsentPurpose.EMAIL, false, T)),
                Map.entry(alice, statement(ConsentPurpose.EMAIL, true, T))));

        assertThat(newest).singleElement().satisfies(entry -> assertThat(entry.getValue().granted()).isTrue());
    }

    @Test
    void keepsOneStatementPerProfileAndPurpose() {
        List<Map.Entry<UUID, ConsentStatement>> newest = NewestConsent.of(List.of(
                Map.entry(alice, statement(ConsentPurpose.EMAIL, true, T)),
                Map.entry(bob, statement(ConsentPurpose.EMAIL, false, T)),
                Map.entry(alice, statement(ConsentPurpose.SMS, false, T)),
                Map.entry(alice, statement(ConsentPurpose.EMAIL, false, T.minusSeconds(1)))));

        assertThat(newest).extracting(entry -> entry.getKey() + ":" + entry.getValue().purpose() + ":" + entry.getValue().granted())
                .containsExactly(alice + ":EMAIL:true", bob + ":EMAIL:false", alice + ":SMS:false");
    }

    private static ConsentStatement statement(ConsentPurpose purpose, boolean granted, Instant at) {
        return new ConsentStatement(purpose, granted, ConsentSource.EVENT, at, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
