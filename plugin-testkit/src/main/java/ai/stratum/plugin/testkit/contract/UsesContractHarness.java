package ai.stratum.plugin.testkit.contract;

/** A contract whose tests run against the harness of the test instance. */
public interface UsesContractHarness {

    /** @return the harness of the current test */
    ContractHarness harness();
}
