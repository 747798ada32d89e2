package ai.stratum.server.lock;

class InProcessLockTest extends DistributedLockContract {

    @Override
    protected DistributedLock newLock() {
        return new InProcessLock();
    }
}
