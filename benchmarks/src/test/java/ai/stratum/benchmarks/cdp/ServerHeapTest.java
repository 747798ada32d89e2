package ai.stratum.benchmarks.cdp;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ServerHeapTest {

    @Test
    void addsTheHeapPoolsAndReadsTheOldGenerationAfterCollection() {
        ServerHeap.Sample sample = ServerHeap.parse("""
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_gc_live_data_size_bytes 5.0E7
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 6.0E7
                jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 1000000.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.9E7
                """);
        assertThat(sample.usedBytes()).isEqualTo(71_000_000L);
        assertThat(sample.oldGenBytes()).isEqualTo(60_000_000L);
        assertThat(sample.afterGcBytes()).isEqualTo(OptionalLong.of(50_000_000L));
    }

    @Test
    void hasNoAfterCollectionFigureBeforeTheFirstOldGenerationCollection() {
        ServerHeap.Sample sample = ServerHeap.parse("jvm_gc_live_data_size_bytes 0.0\njvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 1.0\n");
        assertThat(sample.afterGcBytes()).isEmpty();
    }
}
