package io.hypermesh.execution.assignment;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The refusals of the host-facing assignment API (docs/problems.md). */
final class AssignmentProblems {

    private AssignmentProblems() {
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "assignment-not-found", "No such assignment",
                "No assignment " + id + " is yours.");
    }

    static ProblemException notThisHost(String hostId) {
        return new ProblemException(HttpStatus.FORBIDDEN, "not-this-host", "Not this host",
                "Only host " + hostId + " itself may poll its assignments.");
    }

    static ProblemException wrongState(UUID id, String state, String expected) {
        ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "assignment-not-" + expected.toLowerCase(),
                "The assignment is not " + expected, "Assignment " + id + " is " + state + "; this needs it " + expected
                + " (a lease that ran out, a cancelled execution or a host gone OFFLINE ends it).");
        problem.getBody().setProperty("state", state);
        return problem;
    }

    static ProblemException invalidReport(String type, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, type, "The report does not hold", detail);
    }
}
