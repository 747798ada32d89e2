package ai.stratum.sandbox.platform;

import java.time.Duration;

/**
 * How much a simulated platform has served: API requests answered and the time spent on them, so
 * a benchmark can tell the sandbox's share of a sync from the client's.
 *
 * @param requests    API requests answered, admin requests not counted
 * @param answering   the time spent reading the requests and working out the responses (simulating,
 *                    rendering JSON), summed over the server's threads, waits for a busy CPU included
 * @param answeringCpu the CPU time of that work: the sandbox's own cost, however busy the machine
 * @param sending     the time spent writing the responses out, which waits on the client reading them
 * @param bytesServed response bytes written
 */
public record ServedRequests(long requests, Duration answering, Duration answeringCpu, Duration sending, long bytesServed) {

    /** @return what was served since {@code earlier} */
    public ServedRequests since(ServedRequests earlier) {
        return new ServedRequests(requests - earlier.requests, answering.minus(earlier.answering),
                answeringCpu.minus(earlier.answeringCpu), sending.minus(earlier.sending), bytesServed - earlier.bytesServed);
    }
}
