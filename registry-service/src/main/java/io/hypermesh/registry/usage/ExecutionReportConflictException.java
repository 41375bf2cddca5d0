package io.hypermesh.registry.usage;

import io.hypermesh.service.web.ProblemException;
import org.springframework.http.HttpStatus;

/** The same execution id reported again with a different outcome: the first report stands. */
class ExecutionReportConflictException extends ProblemException {

    ExecutionReportConflictException(String executionId) {
        super(HttpStatus.CONFLICT, "execution-report-conflict", "Execution already reported differently",
                "Execution '" + executionId + "' was already reported with another asset, version, outcome or duration.");
    }
}
