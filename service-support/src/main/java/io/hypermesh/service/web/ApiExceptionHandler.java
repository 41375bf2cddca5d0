package io.hypermesh.service.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into RFC 9457 Problem Details, the same in every service: each answer
 * has a stable {@code type}; a refused field is named with what was expected there, whether Bean Validation,
 * the JSON reader or a query parameter's conversion refused it; nothing internal reaches the client. Domain
 * refusals are {@link ProblemException}s and pass through with their own type.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return validationProblem(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            // A body validated beside a constrained path variable arrives here too: name its fields, not "request".
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().forEach(error -> errors.add(Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage()))));
                body.getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                        "message", String.valueOf(error.getDefaultMessage()))));
                return;
            }
            result.getResolvableErrors().forEach(error ->
                    errors.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                            "message", String.valueOf(error.getDefaultMessage()))));
        });
        return validationProblem(errors, headers);
    }

    /** A query parameter or path segment of the wrong type ({@code limit=abc}) is named like any invalid field. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        String expected = required == Instant.class ? "an ISO-8601 instant such as 2026-01-01T00:00:00Z"
                : required == null ? "a value of another type" : BodyProblems.expected(required);
        return validationProblem(List.of(Map.of("field", field == null ? "parameter" : field, "message", "must be " + expected)),
                headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Strict bodies (OWASP API3/API6, mass assignment): an unknown field, a value of the wrong type, a fraction
        // for an integer, a duplicated name, NUL or a non-finite number — each refused by name, never coerced.
        Optional<Map<String, String>> field = BodyProblems.fieldError(ex);
        if (field.isPresent()) {
            return validationProblem(List.of(field.get()), headers);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape.");
        problem.setType(ProblemTypes.uri("malformed-body"));
        problem.setTitle("Malformed request body");
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** An unknown path, in our words rather than the static-resource handler's. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no operation at this path; the API is described at /v3/api-docs.");
        problem.setType(ProblemTypes.uri("not-found"));
        problem.setTitle("Not Found");
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).headers(headers).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, RequiredRoles.detail(ex));
        problem.setType(ProblemTypes.uri("forbidden"));
        problem.setTitle("Forbidden");
        List<String> roles = RequiredRoles.of(ex);
        if (!roles.isEmpty()) {
            problem.setProperty("requiredRoles", roles);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        problem.setType(ProblemTypes.uri("unauthorized"));
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        log.error("Unhandled exception", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged with this request's trace id.");
        problem.setType(ProblemTypes.uri("internal-error"));
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Gives Spring's built-in answers (404, 405, 415, ...) a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.forStatus(HttpStatus.valueOf(statusCode.value())));
        }
        return response;
    }

    private static ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s); see 'errors'.");
        problem.setType(ProblemTypes.uri("validation"));
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }
}
