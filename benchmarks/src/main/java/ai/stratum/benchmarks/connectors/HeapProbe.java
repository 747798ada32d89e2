package ai.stratum.benchmarks.connectors;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the server JVM's heap and CPU over JMX, and its GC log: over one measured stretch, the heap
 * pools' peak usage (the JVM's own bookkeeping, not a sample), the most heap in use before and after
 * any collection in the stretch (from the GC log, by the JVM's uptime), and the CPU time the process
 * used.
 */
final class HeapProbe implements AutoCloseable {

    /** {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 171M->59M(199M) 82.674ms} */
    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * What the server used over one measured stretch.
     *
     * @param peakBytes         the sum of the heap pools' peaks (eden, survivor, old): the most the heap held,
     *                          garbage not yet collected included (an upper bound: pools peak at different moments)
     * @param mostBeforeGcMb    the most heap in use when a collection started, from the GC log; 0 without one
     * @param mostAfterGcMb     the most heap still in use after a collection: what the server really kept
     * @param collections       collections in the stretch
     * @param cpuSeconds        CPU time of the whole server process (all its threads)
     * @param liveAfterBytes    the heap in use after a full collection once the sync was over: what it left behind
     */
    record Usage(long peakBytes, long mostBeforeGcMb, long mostAfterGcMb, int collections, double cpuSeconds, long liveAfterBytes) {
    }

    private final JMXConnector connector;
    private final MemoryMXBean memory;
    private final RuntimeMXBean runtime;
    private final com.sun.management.OperatingSystemMXBean system;
    private final List<MemoryPoolMXBean> heapPools;
    private final Path gcLog;
    private double startedAtSeconds;
    private long startedCpuNanos;

    private HeapProbe(JMXConnector connector, MBeanServerConnection connection, Path gcLog) throws IOException {
        this.connector = connector;
        this.gcLog = gcLog;
        this.memory = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.runtime = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
        this.system = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                com.sun.management.OperatingSystemMXBean.class);
        this.heapPools = ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class).stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    static HeapProbe connect(ServerProcess server) throws IOException {
        JMXConnector connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + server.jmxPort() + "/jmxrmi"));
        return new HeapProbe(connector, connector.getMBeanServerConnection(), server.gcLog());
    }

    /**
     * Waits (up to five minutes) until the server uses under a tenth of a core for half a second: what
     * a finished sync sets off in the background (the anomaly scan of the synced campaigns, signal
     * health) would otherwise run during the next measurement.
     *
     * @return whether the server became quiet
     */
    boolean awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            long before = system.getProcessCpuTime();
            Thread.sleep(500);
            if (system.getProcessCpuTime() - before < 50_000_000L) {
                return true;
            }
        }
        return false;
    }

    /** Collects, then starts a new stretch: every pool's peak is reset to what it holds now. */
    void reset() {
        memory.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        startedAtSeconds = runtime.getUptime() / 1000.0;
        startedCpuNanos = system.getProcessCpuTime();
    }

    /** @return the stretch since {@link #reset()} */
    Usage read() throws IOException {
        double endedAtSeconds = runtime.getUptime() / 1000.0;
        double cpu = (system.getProcessCpuTime() - startedCpuNanos) / 1e9;
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long mostBefore = 0;
        long mostAfter = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find() && !line.contains("System.gc()")) {
                double at = Double.parseDouble(pause.group(1));
                if (at >= startedAtSeconds && at <= endedAtSeconds) {
                    collections++;
                    mostBefore = Math.max(mostBefore, Long.parseLong(pause.group(2)));
                    mostAfter = Math.max(mostAfter, Long.parseLong(pause.group(3)));
                }
            }
        }
        memory.gc();
        return new Usage(peak, mostBefore, mostAfter, collections, cpu, memory.getHeapMemoryUsage().getUsed());
    }

    /** @return the heap's limit, the {@code -Xmx} in force */
    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
