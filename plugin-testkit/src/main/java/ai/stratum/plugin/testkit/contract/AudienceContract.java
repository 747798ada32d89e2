package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.AudienceUpdateResult;
import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.NewAudience;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static ai.stratum.plugin.testkit.contract.ContractHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

/** What every audience sync must get right: adds and removes arrive, in batches, and match figures come back. */
public interface AudienceContract extends UsesContractHarness {

    /** More than one batch on every platform whose limit is under 12,000. */
    int MEMBERS = 12_000;

    private static List<String> hashes(int from, int to) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return IntStream.range(from, to)
                    .mapToObj(i -> HexFormat.of().formatHex(sha256.digest(("user" + i + "@example.com")
                            .getBytes(StandardCharsets.UTF_8))))
                    .toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    default void addsAndRemovesMembersAndReportsTheMatch() {
        String accountId = harness().plugin().accountId();
        String audienceId = join(harness().plugin().audiences().createAudience(harness().context(),
                new NewAudience(accountId, "Contract buyers", IdentifierType.EMAIL_SHA256, hashes(0, 100))));
        assertThat(harness().state().audiences().find(audienceId)).isPresent();
        assertThat(harness().state().audiences().members(audienceId)).containsExactlyInAnyOrderElementsOf(hashes(0, 100));

        AudienceUpdateResult added = join(harness().plugin().audiences().update(harness().context(),
                new AudienceUpdate(accountId, audienceId, IdentifierType.EMAIL_SHA256, hashes(100, MEMBERS), List.of())));
        AudienceUpdateResult removed = join(harness().plugin().audiences().update(harness().context(),
                new AudienceUpdate(accountId, audienceId, IdentifierType.EMAIL_SHA256, List.of(), hashes(0, 500))));

        assertThat(added.received()).isEqualTo(MEMBERS - 100);
        assertThat(removed.received()).isEqualTo(500);
        assertThat(harness().state().audiences().members(audienceId))
                .containsExactlyInAnyOrderElementsOf(hashes(500, MEMBERS));

        AudienceMatch match = join(harness().plugin().audiences().match(harness().context(), accountId, audienceId));
        assertThat(match.audienceId()).isEqualTo(audienceId);
        match.uploadedCount().ifPresent(uploaded -> assertThat(uploaded).isEqualTo(MEMBERS - 500));
        assertThat(match.matchedCount()).isEqualTo(harness().state().audiences().matched(audienceId));
    }
}
