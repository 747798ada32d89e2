package ai.stratum.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common pool gets a second worker on small machines, so asynchronous completions reuse its threads. */
class CommonPoolParallelismTest {

    private String before;

    @BeforeEach
    void rememberTheSetting() {
        before = System.getProperty(Application.COMMON_POOL_PARALLELISM);
    }

    @AfterEach
    void restoreTheSetting() {
        if (before == null) {
            System.clearProperty(Application.COMMON_POOL_PARALLELISM);
        } else {
            System.setProperty(Application.COMMON_POOL_PARALLELISM, before);
        }
    }

    @Test
    void twoWorkersOnAMachineOfAtMostTwoCoresAndTheJvmsDefaultElsewhere() {
        System.clearProperty(Application.COMMON_POOL_PARALLELISM);

        Application.useCommonPoolForAsyncCompletions();

        String expected = Runtime.getRuntime().availableProcessors() <= 2 ? "2" : null;
        assertThat(System.getProperty(Application.COMMON_POOL_PARALLELISM)).isEqualTo(expected);
    }

    @Test
    void aValueGivenOnTheCommandLineWins() {
        System.setProperty(Application.COMMON_POOL_PARALLELISM, "7");

        Application.useCommonPoolForAsyncCompletions();

        assertThat(System.getProperty(Application.COMMON_POOL_PARALLELISM)).isEqualTo("7");
    }
}
