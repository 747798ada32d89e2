package ai.stratum.server.autopilot.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settles what the rules proposed for one campaign in one run into at most one action per kind,
 * always on the cautious side:
 * <ol>
 *   <li>A pause wins over any budget change: a campaign that stops delivering needs no new budget,
 *       and a budget change on top of a pause would only be noise in the audit log.</li>
 *   <li>Otherwise at most one budget change: the one that leaves the lowest budget. So a cut beats
 *       a raise, the deeper of two cuts wins, and of two raises the smaller one wins. Equal budgets
 *       go to the rule declared first in {@link RuleType}.</li>
 * </ol>
 * The winner's reason names the proposals it won over, so a person reading it knows that, for
 * example, a raise was wanted and why it did not happen.
 */
final class ProposalArbiter {

    private static final Comparator<Proposal> MOST_CAUTIOUS_BUDGET = Comparator
            .comparingLong((Proposal proposal) -> proposal.budgetMicros().orElseThrow())
            .thenComparing(Proposal::rule);

    private ProposalArbiter() {
    }

    /**
     * Resolves one campaign's proposals.
     *
     * @param proposals everything the rules proposed for the campaign, in rule order
     * @return the proposals to act on: a pause, or a budget change, or neither, plus any
     *         proposal that is neither (which the built-in rules do not make)
     */
    static List<Proposal> resolve(List<Proposal> proposals) {
        List<Proposal> pauses = proposals.stream().filter(Proposal::pauses).toList();
        List<Proposal> budgetChanges = proposals.stream().filter(Proposal::changesBudget).toList();
        List<Proposal> others = proposals.stream().filter(p -> !p.pauses() && !p.changesBudget()).toList();

        Optional<Proposal> winner = pauses.stream().findFirst()
                .or(() -> budgetChanges.stream().min(MOST_CAUTIOUS_BUDGET));
        List<Proposal> resolved = new ArrayList<>();
        winner.ifPresent(chosen -> resolved.add(withLosers(chosen, pauses, budgetChanges)));
        resolved.addAll(others);
        return List.copyOf(resolved);
    }

    private static Proposal withLosers(Proposal winner, List<Proposal> pauses, List<Proposal> budgetChanges) {
        List<Proposal> contenders = new ArrayList<>(pauses);
        contenders.addAll(budgetChanges);
        String losers = contenders.stream()
                .filter(proposal -> proposal != winner)
                .map(Proposal::summary)
                .collect(Collectors.joining(", "));
        return losers.isEmpty() ? winner : winner.withReason(winner.reason() + " (takes precedence over " + losers + ")");
    }
}
