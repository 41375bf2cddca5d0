package io.hypermesh.execution.run;

import io.hypermesh.execution.executions.ExecutionState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "Executions", description = "Run a deployed asset version on k volunteer hosts: priced, paid from an escrow, "
        + "checked (a strict majority of k must agree) and recorded in an EXECUTION and a COMPLETION block. "
        + "Only the client that submitted an execution sees it; to anyone else it is 404.")
public class ExecutionController {

    private final ExecutionService executions;
    private final ExecutionStream stream;

    ExecutionController(ExecutionService executions, ExecutionStream stream) {
        this.executions = executions;
        this.stream = stream;
    }

    @PostMapping
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Submit an execution (client)", description = "The Idempotency-Key names the execution "
            + "(docs/protocol.md §7.1): a retry with the same key and body answers 200 with the same execution. "
            + "The asset lookup, the quote, the host check and the escrow hold run before the answer, so that their "
            + "refusals (404 asset-not-found, 409 version-not-deployed, 422 price-above-ceiling, 422 no-eligible-hosts, "
            + "422 insufficient-funds) come back here with nothing charged. A service that is down is waited for: the "
            + "answer is then 201 with 'waitingFor' set.", security = @SecurityRequirement(name = "bearer"))
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true,
            description = "1-200 visible ASCII characters, fresh per execution and repeated on retries",
            schema = @Schema(type = "string", maxLength = 200))
    ResponseEntity<ExecutionResponse> submit(
            @Parameter(hidden = true) @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody SubmitExecutionRequest request, @AuthenticationPrincipal Jwt caller) {
        ExecutionService.Submitted submitted = executions.submit(caller.getSubject(), key, request);
        ExecutionResponse body = executions.view(submitted.execution());
        if (!submitted.created()) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(ExecutionResponse.path(body.id())).build().toUri();
        return ResponseEntity.created(location).body(body);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "One of your executions, with its timeline, assignments, blocks and cost (client)",
            security = @SecurityRequirement(name = "bearer"))
    ExecutionResponse get(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return executions.view(executions.get(id, caller.getSubject()));
    }

    @GetMapping
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Your executions, newest first, one page at a time (client)", security = @SecurityRequirement(name = "bearer"))
    ExecutionPage list(
            @RequestParam(required = false) @Pattern(regexp = ExecutionState.PATTERN, message = "must be one of " + ExecutionState.PATTERN)
            String state,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an asset id (a UUID)") String assetId,
            @Parameter(description = "The 'next' cursor of the previous page") @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, @AuthenticationPrincipal Jwt caller) {
        return executions.list(caller.getSubject(), state == null ? null : ExecutionState.valueOf(state), assetId, after, limit);
    }

    @GetMapping("/{id}/result")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "The accepted result: output and exit code (client); 409 result-not-ready before verification",
            security = @SecurityRequirement(name = "bearer"))
    ResultResponse result(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return executions.result(id, caller.getSubject());
    }

    @PostMapping("/{id}/cancellations")
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Cancel before settling (client): open assignments revoked, the escrow released, then CANCELLED",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<ExecutionResponse> cancel(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return ResponseEntity.accepted().body(executions.view(executions.cancel(id, caller.getSubject())));
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('client')")
    @Operation(summary = "Server-Sent Events of one execution (client): an 'execution' event with the whole execution at "
            + "every change of state, step or waitingFor; the stream ends after the outcome",
            security = @SecurityRequirement(name = "bearer"))
    SseEmitter events(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        executions.get(id, caller.getSubject());
        return stream.follow(id, caller.getSubject());
    }
}
