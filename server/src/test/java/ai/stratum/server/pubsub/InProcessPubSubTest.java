package ai.stratum.server.pubsub;

class InProcessPubSubTest extends PubSubContract {

    @Override
    protected PubSub newPubSub() {
        return new InProcessPubSub();
    }
}
