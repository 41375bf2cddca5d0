package io.hypermesh.gateway.web;

import io.hypermesh.gateway.auth.ChallengeNotFoundException;
import io.hypermesh.gateway.auth.SignInRefusedException;
import io.hypermesh.gateway.ratelimit.RateLimitExceededException;
import io.hypermesh.gateway.routing.DownstreamTimeoutException;
import io.hypermesh.gateway.routing.DownstreamUnavailableException;
import io.hypermesh.service.web.BodyProblems;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the gateway itself produces, as RFC 9457 Problem Details with a stable {@code type}.
 * Controllers, the proxied routes, the rate-limit filter and Spring Security's entry point all end
 * here, so a client sees one error format whatever went wrong. A 500 never carries the cause.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Map<Integer, URI> TYPES_BY_STATUS = Map.of(
            400, ProblemTypes.BAD_REQUEST,
            401, ProblemTypes.UNAUTHORIZED,
            403, ProblemTypes.FORBIDDEN,
            404, ProblemTypes.NOT_FOUND,
            405, ProblemTypes.METHOD_NOT_ALLOWED,
            406, ProblemTypes.NOT_ACCEPTABLE,
            415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
            503, ProblemTypes.SERVICE_UNAVAILABLE);

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One invalid field, named as the client spelled it. */
    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                "One or more fields are missing or malformed.");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The services' rule for a body that is JSON but not of the expected shape: name the field and what it needs.
        var field = BodyProblems.fieldError(ex);
        if (field.isPresent()) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "One or more fields are missing or malformed.");
            problem.setProperty("errors", List.of(new FieldProblem(field.get().get("field"), field.get().get("message"))));
            return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "Malformed request",
                "The request body is not the JSON this operation expects.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(SignInRefusedException.class)
    ResponseEntity<ProblemDetail> signInRefused(SignInRefusedException ex) {
        var failure = ex.failure();
        return ResponseEntity.status(failure.status())
                .body(problem(failure.status(), failure.type(), failure.title(), failure.detail()));
    }

    @ExceptionHandler(ChallengeNotFoundException.class)
    ResponseEntity<ProblemDetail> challengeNotFound(ChallengeNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "Not found", "No such challenge; challenges are removed an hour after they expire."));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException ex) {
        log.debug("Bearer token refused: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                // RFC 6750: tells the client the token, not the request, is the problem.
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .body(problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                        "The bearer token is not valid here: it is expired, altered, or not issued by this gateway."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "Forbidden", "This identity may not do that."));
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException ex) {
        // The RateLimit-* headers are already on the response; Retry-After is what HTTP clients honour.
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
                ex.getMessage());
        problem.setProperty("limit", ex.decision().limit());
        problem.setProperty("retryAfterSeconds", ex.decision().resetSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.decision().resetSeconds()))
                .body(problem);
    }

    @ExceptionHandler(DownstreamUnavailableException.class)
    ResponseEntity<ProblemDetail> downstreamUnavailable(DownstreamUnavailableException ex) {
        log.warn("{} (circuit open: {}): {}", ex.getMessage(), ex.circuitOpen(), String.valueOf(ex.getCause()));
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", ex.getMessage() + ". Try again shortly.");
        problem.setProperty("service", ex.service());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(DownstreamTimeoutException.class)
    ResponseEntity<ProblemDetail> downstreamTimeout(DownstreamTimeoutException ex) {
        log.warn("{}: {}", ex.getMessage(), String.valueOf(ex.getCause()));
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT, "Gateway timeout",
                ex.getMessage() + ". The operation may still complete; check its state before retrying.");
        problem.setProperty("service", ex.service());
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
        log.warn("Gateway database unavailable: {}", ex.toString());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service unavailable", "The gateway cannot reach its database. Try again shortly.");
        problem.setProperty("service", "gateway");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL_ERROR, "Internal error",
                "Something went wrong in the gateway; the X-Trace-Id header identifies it in the logs."));
    }

    /** Gives the framework's own answers (404, 405, 415, ...) a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            // The framework passes no body for its own exceptions and builds it later; build it here to type it.
            body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            URI type = TYPES_BY_STATUS.get(statusCode.value());
            if (type != null) {
                problem.setType(type);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
