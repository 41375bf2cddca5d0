package io.hypermesh.payment.idempotency;

import io.hypermesh.payment.web.Caller;
import io.hypermesh.protocol.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a mutating operation at most once per (caller, Idempotency-Key), following the IETF draft:
 * the first request runs and its reply is stored in the same transaction as its effects; a retry
 * with the same request gets the stored reply byte for byte; the same key with a different request
 * is refused with 422; a retry while the first is still running is refused with 409. A refused
 * operation (any error) stores nothing, so the key stays usable for a corrected retry.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = IdempotencyProblems.HEADER;
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21\\x23-\\x5b\\x5d-\\x7e][\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]{0,254}");

    private final IdempotencyRepository replies;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyRepository replies, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.replies = replies;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param operation what is being done, including any path parameters ("POST /transfers"): the same key
     *                  on another operation counts as a different request
     * @param request   the validated request body; its JSON form is the request's fingerprint
     */
    public ResponseEntity<String> execute(Caller caller, @Nullable String rawKey, String operation, Object request,
            Supplier<Reply> action) {
        String key = parseKey(rawKey);
        String fingerprint = fingerprint(operation, request);
        ResponseEntity<String> answer = transactions.execute(status -> {
            IdempotencyRepository.Claim claim = replies.claim(caller.identity(), key);
            Optional<StoredReply> stored = claim.stored();
            if (stored.isEmpty() && !claim.claimed()) {
                throw IdempotencyProblems.inFlight();
            }
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw IdempotencyProblems.reused();
                }
                return respond(stored.get(), true);
            }
            Reply reply = action.get();
            StoredReply first = new StoredReply(caller.identity(), key, operation, fingerprint, reply.status().value(),
                    reply.location(), json.writeValueAsString(reply.body()), clock.instant().truncatedTo(ChronoUnit.MICROS));
            replies.insert(first);
            return respond(first, false);
        });
        return answer;
    }

    /**
     * The same protocol as {@link #execute}, for an operation that claims the key, runs and stores its reply
     * in one database statement of its own ({@link OneCall}): no transaction is opened here, so the caller
     * must not be in one either (the claim must end when the reply is committed).
     */
    public ResponseEntity<String> executeInOneCall(Caller caller, @Nullable String rawKey, String operation, Object request,
            OneCall call) {
        String key = parseKey(rawKey);
        String fingerprint = fingerprint(operation, request);
        OneCall.Outcome outcome = call.run(new OneCall.Claim(caller.identity(), key, operation, fingerprint,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return switch (outcome.kind()) {
            case IN_FLIGHT -> throw IdempotencyProblems.inFlight();
            case STORED -> {
                if (!outcome.fingerprint().equals(fingerprint)) {
                    throw IdempotencyProblems.reused();
                }
                yield respond(outcome.status(), outcome.location(), outcome.body(), true);
            }
            case DONE -> respond(outcome.status(), outcome.location(), outcome.body(), false);
        };
    }

    private static ResponseEntity<String> respond(StoredReply reply, boolean replayed) {
        return respond(reply.status(), reply.location(), reply.body(), replayed);
    }

    private static ResponseEntity<String> respond(int status, @Nullable String location, String body, boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, location);
        }
        if (replayed) {
            headers.set(REPLAYED_HEADER, "true");
        }
        return ResponseEntity.status(HttpStatus.valueOf(status)).headers(headers).body(body);
    }

    /** Accepts the draft's structured-field string ("...") and, leniently, the bare value. */
    static String parseKey(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw IdempotencyProblems.missing();
        }
        String key = raw.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (!KEY.matcher(key).matches()) {
            throw IdempotencyProblems.invalid();
        }
        return key;
    }

    private String fingerprint(String operation, Object request) {
        return Digests.sha256Hex((operation + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
    }
}
