package ai.stratum.server.identity;

import reactor.core.publisher.Mono;

/**
 * Slows password guessing: too many failed logins for one e-mail, or from one client address,
 * within a window answer RATE_LIMITED until the window passes.
 */
public interface LoginThrottle {

    /** Errors with RATE_LIMITED when either counter is at its limit. */
    Mono<Void> checkAllowed(String email, String clientAddress);

    Mono<Void> failed(String email, String clientAddress);

    /** A success clears the e-mail's counter, not the address's: one good login must not unlock a guessing client. */
    Mono<Void> succeeded(String email);
}
