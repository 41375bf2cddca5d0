package io.hypermesh.gateway.auth;

import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.Identity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * "Sign in with your key": the gateway hands out a one-time challenge for an identity, the key
 * holder signs it, and a correct signature over an unused, unexpired challenge buys a token.
 */
@Service
class SignInService {

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);
    /** Expired challenges are kept this long so that a late answer still hears "expired", not "unknown". */
    private static final Duration KEEP_EXPIRED = Duration.ofHours(1);

    private final SignInChallengeRepository challenges;
    private final TokenIssuer tokens;
    private final AuthProperties properties;
    private final SecureRandom random = new SecureRandom();

    SignInService(SignInChallengeRepository challenges, TokenIssuer tokens, AuthProperties properties) {
        this.challenges = challenges;
        this.tokens = tokens;
        this.properties = properties;
    }

    StoredChallenge createChallenge(Ed25519.PublicKeyBytes publicKey) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        return challenges.insert(
                UUID.randomUUID(),
                Identity.of(publicKey),
                publicKey.toBase64Url(),
                properties.issuer(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                properties.challengeTtl());
    }

    StoredChallenge findChallenge(String challengeId) {
        return parseId(challengeId).flatMap(challenges::findById)
                .orElseThrow(() -> new ChallengeNotFoundException(challengeId));
    }

    /**
     * Checks everything that can be checked without side effects first (identity, expiry, signature,
     * roles), and only then consumes the challenge: a caller who does not hold the key cannot burn
     * somebody else's challenge. Consumption itself is one conditional update, so a replay racing the
     * original on another replica still loses.
     */
    TokenResponse answer(CreateTokenRequest request) {
        StoredChallenge challenge = parseId(request.challengeId()).flatMap(challenges::findById)
                .orElseThrow(() -> new SignInRefusedException(SignInFailure.CHALLENGE_UNKNOWN));
        Ed25519.PublicKeyBytes publicKey = Ed25519.PublicKeyBytes.fromBase64Url(request.publicKey());
        if (!challenge.identity().isDerivedFrom(publicKey)) {
            throw new SignInRefusedException(SignInFailure.IDENTITY_MISMATCH);
        }
        if (challenge.used()) {
            throw new SignInRefusedException(SignInFailure.CHALLENGE_USED);
        }
        if (challenge.expired()) {
            throw new SignInRefusedException(SignInFailure.CHALLENGE_EXPIRED);
        }
        if (!Ed25519.verify(publicKey, challenge.toProtocol().message(), request.signature())) {
            throw new SignInRefusedException(SignInFailure.BAD_SIGNATURE);
        }
        List<String> roles = grantedRoles(challenge.identity(), request.roles());
        if (!challenges.consume(challenge.id())) {
            // Lost a race, or the challenge expired between the read and the update: tell which.
            StoredChallenge now = challenges.findById(challenge.id()).orElse(challenge);
            throw new SignInRefusedException(now.used() ? SignInFailure.CHALLENGE_USED : SignInFailure.CHALLENGE_EXPIRED);
        }
        TokenIssuer.IssuedToken token = tokens.issue(challenge.identity(), roles);
        log.info("Signed in {} with roles {}", challenge.identity(), roles);
        return new TokenResponse(token.value(), "Bearer", properties.tokenTtl().toSeconds(),
                challenge.identity().value(), roles);
    }

    private List<String> grantedRoles(Identity identity, List<String> requested) {
        Set<Role> roles = new LinkedHashSet<>();
        if (requested == null) {
            roles.add(Role.CLIENT);
        } else {
            requested.forEach(name -> roles.add(Role.fromWire(name)));
        }
        for (Role role : roles) {
            if (!properties.mayHold(role, identity.value())) {
                throw new SignInRefusedException(SignInFailure.ROLE_NOT_ALLOWED);
            }
        }
        return roles.stream().map(Role::wireName).toList();
    }

    @Scheduled(fixedDelayString = "${hypermesh.auth.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void deleteOldChallenges() {
        int deleted = challenges.deleteExpiredLongerThan(KEEP_EXPIRED);
        if (deleted > 0) {
            log.debug("Deleted {} old sign-in challenges", deleted);
        }
    }

    private static Optional<UUID> parseId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
