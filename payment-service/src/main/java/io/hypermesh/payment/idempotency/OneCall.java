package io.hypermesh.payment.idempotency;

import java.time.Instant;

/**
 * An operation that claims its Idempotency-Key, looks up the stored reply, runs and stores its own reply
 * in one database statement, in that statement's own transaction (post_entry_once, migration V11):
 * one round trip instead of four. It follows the same protocol as {@link IdempotentRequests#execute}
 * (same advisory lock, same table); it only reports what happened and {@link IdempotentRequests} answers.
 * A refusal throws and must store nothing.
 */
@FunctionalInterface
public interface OneCall {

    /** What the call must store beside its effects: who, which key, which request, and when. */
    record Claim(String caller, String key, String operation, String fingerprint, Instant storedAt) {
    }

    /** What the call found or did; for {@link Kind#IN_FLIGHT} only the kind is set. */
    record Outcome(Kind kind, String fingerprint, int status, String location, String body) {

        public enum Kind {
            /** This call ran the operation; the reply is what it stored. */
            DONE,
            /** The key was used before: its stored reply, whose fingerprint the caller's must match. */
            STORED,
            /** Another transaction holds the key right now. */
            IN_FLIGHT
        }

        public static Outcome inFlight() {
            return new Outcome(Kind.IN_FLIGHT, null, 0, null, null);
        }
    }

    Outcome run(Claim claim);
}
