package io.hypermesh.execution.run;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "The caller's executions, newest first; 'next' is the cursor of the following page (null on the last)")
record ExecutionPage(List<ExecutionSummary> executions, String next) {
}
