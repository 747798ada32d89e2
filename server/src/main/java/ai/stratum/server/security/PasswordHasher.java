package ai.stratum.server.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.ExecutorService;

/**
 * Argon2id password hashes (OWASP's minimum: 19 MiB, 2 iterations, 1 lane) in PHC string form,
 * computed on the bounded {@code password-hashing} executor: hashing is deliberately slow and
 * must never run on an event-loop thread.
 */
@Singleton
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** Verified against when the e-mail is unknown, so both failures cost the same time. */
    private static final String DECOY_HASH = ARGON2ID.hash("decoy-password-for-unknown-users").getResult();

    private final Scheduler scheduler;

    public PasswordHasher(@Named("password-hashing") ExecutorService executor) {
        this.scheduler = Schedulers.fromExecutorService(executor, "password-hashing");
    }

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> Password.hash(password).with(ARGON2ID).getResult())
                .subscribeOn(scheduler);
    }

    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> Password.check(password, hash).with(ARGON2ID))
                .subscribeOn(scheduler);
    }

    /** Spends the time of a real check, then answers false. */
    public Mono<Boolean> decoyCheck(String password) {
        return matches(password, DECOY_HASH).map(ignored -> false);
    }

}
