package io.hypermesh.gateway.auth;

/** A challenge looked up by id does not exist (or was already cleaned up). */
public class ChallengeNotFoundException extends RuntimeException {

    ChallengeNotFoundException(String challengeId) {
        super("No challenge " + challengeId);
    }
}
