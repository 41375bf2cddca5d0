package io.hypermesh.service.client;

import org.springframework.http.ProblemDetail;

/** The called service answered with a 4xx other than 401: a definite no, with its Problem Details. */
public class ServiceRefusedException extends RuntimeException {

    private final int status;
    private final transient ProblemDetail problem;

    ServiceRefusedException(String callee, int status, ProblemDetail problem) {
        super(callee + " refused: HTTP " + status + (problem == null || problem.getDetail() == null ? "" : " — " + problem.getDetail()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
