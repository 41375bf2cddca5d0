package io.hypermesh.payment.idempotency;

import java.time.Instant;

/** A completed request's answer, kept so that a retry gets exactly the same bytes. */
record StoredReply(String caller, String key, String operation, String fingerprint, int status, String location,
        String body, Instant createdAt) {
}
