package io.hypermesh.payment.idempotency;

import org.springframework.http.HttpStatus;

/** What a mutating operation answers: status, the Location of what it created (if any) and the body. */
public record Reply(HttpStatus status, String location, Object body) {

    public static Reply created(String location, Object body) {
        return new Reply(HttpStatus.CREATED, location, body);
    }

    public static Reply accepted(Object body) {
        return new Reply(HttpStatus.ACCEPTED, null, body);
    }
}
