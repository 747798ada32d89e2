package ai.stratum.server.cdp.ingest;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

    /** Records each transaction's requests and holds it open until the test lets it commit. */
    private static final class HeldTransactions implements GroupCommit.Committer<String, String, String> {
        final List<List<String>> transactions = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> open = new CopyOnWriteArrayList<>();
        final List<String> failing = new CopyOnWriteArrayList<>();

        @Override
        public Mono<List<String>> commit(String key, List<String> requests) {
            transactions.add(requests);
            Sinks.Empty<Void> held = Sinks.empty();
            open.add(held);
            return held.asMono().then(Mono.defer(() -> requests.stream().anyMatch(failing::contains)
                    ? Mono.error(new IllegalStateException("cannot store " + requests))
                    : Mono.just(requests.stream().map(request -> key + ":" + request).toList())));
        }

        void commitNext() {
            open.remove(0).tryEmitEmpty();
        }
    }

    private final HeldTransactions store = new HeldTransactions();

    @Test
    void requestsArrivingWhileATransactionRunsShareTheNextOneAndAreAnsweredInOrder() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100, store);
        List<String> answers = Collections.synchronizedList(new ArrayList<>());

        commits.submit("source", "a").subscribe(answers::add);
        commits.submit("source", "b").subscribe(answers::add);
        commits.submit("source", "c").subscribe(answers::add);
        assertThat(store.transactions).containsExactly(List.of("a"));
        assertThat(answers).isEmpty();

        store.commitNext();
        assertThat(answers).containsExactly("source:a");
        assertThat(store.transactions).containsExactly(List.of("a"), List.of("b", "c"));

        store.commitNext();
        assertThat(answers).containsExactly("source:a", "source:b", "source:c");
    }

    @Test
    void noRequestIsAnsweredBeforeItsTransactionCommitted() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100, store);

        Mono<String> answer = commits.submit("source", "a").cache();
        answer.subscribe();

        assertThat(answer.toFuture()).isNotDone();
        store.commitNext();
        assertThat(answer.block(Duration.ofSeconds(5))).isEqualTo("source:a");
    }

    @Test
    void aGroupStopsAtTheWeightLimitAndAHeavierRequestGoesAlone() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 4, store);

        commits.submit("source", "x").subscribe();
        commits.submit("source", "aa").subscribe();
        commits.submit("source", "bb").subscribe();
        commits.submit("source", "c").subscribe();
        commits.submit("source", "heavier").subscribe();
        commits.submit("source", "d").subscribe();
        store.commitNext();
        store.commitNext();
        store.commitNext();
        store.commitNext();

        assertThat(store.transactions).containsExactly(List.of("x"), List.of("aa", "bb"), List.of("c"), List.of("heavier"), List.of("d"));
    }

    @Test
    void whenAGroupFailsEachRequestIsRetriedAloneSoOnlyTheFaultyOneFails() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100, store);
        store.failing.add("bad");
        List<String> answers = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());

        commits.submit("source", "first").subscribe(answers::add, errors::add);
        commits.submit("source", "good").subscribe(answers::add, errors::add);
        commits.submit("source", "bad").subscribe(answers::add, errors::add);
        commits.submit("source", "fine").subscribe(answers::add, errors::add);
        store.commitNext();
        store.commitNext(); // the group of three fails
        store.commitNext(); // good alone
        store.commitNext(); // bad alone
        store.commitNext(); // fine alone

        assertThat(store.transactions).containsExactly(List.of("first"), List.of("good", "bad", "fine"),
                List.of("good"), List.of("bad"), List.of("fine"));
        assertThat(answers).containsExactly("source:first", "source:good", "source:fine");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error).hasMessage("cannot store [bad]"));
    }

    @Test
    void aTransactionThatAnswersTheWrongNumberOfRequestsFailsThemInsteadOfMisansweringThem() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100,
                (key, requests) -> Mono.just(List.of("one answer", "another")));
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());

        commits.submit("source", "a").subscribe(answer -> { }, errors::add);

        assertThat(errors).singleElement().satisfies(error -> assertThat(error).hasMessage("2 answers for 1 requests")
                .isInstanceOf(IllegalStateException.class));
    }

    @Test
    void aTransactionFailingBeforeItStartsFailsItsRequestAndTheLaneGoesOn() {
        List<List<String>> transactions = new CopyOnWriteArrayList<>();
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100, (key, requests) -> {
            transactions.add(requests);
            if (requests.contains("throws")) {
                throw new IllegalArgumentException("refused at once");
            }
            return Mono.just(requests);
        });

        Mono<String> failed = commits.submit("source", "throws");
        Mono<String> next = commits.submit("source", "next");

        assertThat(failed.onErrorResume(error -> Mono.just(error.getMessage())).block(Duration.ofSeconds(5))).isEqualTo("refused at once");
        assertThat(next.block(Duration.ofSeconds(5))).isEqualTo("next");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        GroupCommit<String, String, String> commits = new GroupCommit<>(String::length, 100, store);
        List<String> answers = Collections.synchronizedList(new ArrayList<>());

        commits.submit("one", "a").subscribe(answers::add);
        commits.submit("two", "b").subscribe(answers::add);

        assertThat(store.transactions).containsExactly(List.of("a"), List.of("b"));
        store.open.remove(1).tryEmitEmpty();
        assertThat(answers).containsExactly("two:b");
    }
}
