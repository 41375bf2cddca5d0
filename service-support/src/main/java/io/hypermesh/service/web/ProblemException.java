package io.hypermesh.service.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A domain refusal that answers as RFC 9457 Problem Details with a stable type URI. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    /** With the failure behind it, for the log (clients see only the Problem Details). */
    public ProblemException(HttpStatus status, String type, String title, String detail, Throwable cause) {
        super(status, problem(status, type, title, detail), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        return problem;
    }
}
