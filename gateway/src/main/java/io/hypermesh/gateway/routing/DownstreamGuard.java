package io.hypermesh.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Runs one proxied call inside the service's circuit breaker and turns transport failures into the
 * gateway's own answers: unreachable or open circuit → 503, too slow → 504.
 *
 * <p>The gateway's stock circuit-breaker filter answers 500 for a refused connection, and its
 * thread-pool time limiter would move the call off the request thread (losing the trace context), so
 * the gateway uses this filter with the thread pool and time limiter switched off; the HTTP client's
 * read timeout is the time limit.
 *
 * <p>Only the service's own failures count toward its breaker: no answer (refused, reset, timed out) and 5xx
 * answers. A 4xx is the client's mistake and counts as a success, and a request body has already been read in
 * full and size-checked by {@code RequestBodyLimitFilter} before this runs, so a client that sends too much, or
 * breaks off its upload, cannot make the service look broken for everyone else.
 */
final class DownstreamGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private final String service;
    private final CircuitBreakerFactory<?, ?> circuitBreakers;

    DownstreamGuard(String service, CircuitBreakerFactory<?, ?> circuitBreakers) {
        this.service = service;
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        return circuitBreakers.create(service).run(() -> {
            ServerResponse response;
            try {
                response = next.handle(request);
            } catch (RuntimeException e) {
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (response.statusCode().is5xxServerError()) {
                // The service's own failure counts toward its breaker; the client still gets the service's answer.
                throw new ServerErrorAnswer(response);
            }
            return response;
        }, this::translate);
    }

    private ServerResponse translate(Throwable failure) {
        if (failure instanceof ServerErrorAnswer answer) {
            return answer.response;
        }
        if (failure instanceof CallNotPermittedException) {
            throw new DownstreamUnavailableException(service, true, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // A connect timeout is a subclass of HttpTimeoutException, but it means "unreachable", not "slow".
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
                throw new DownstreamUnavailableException(service, false, failure);
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                throw new DownstreamTimeoutException(service, failure);
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                // Connection reset or closed before an answer: the service is not there for us right now.
                throw new DownstreamUnavailableException(service, false, failure);
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(failure);
    }

    /** Carries a 5xx answer through the breaker as a failure, to be given to the client unchanged. */
    private static final class ServerErrorAnswer extends RuntimeException {

        private final transient ServerResponse response;

        ServerErrorAnswer(ServerResponse response) {
            super("the service answered " + response.statusCode().value(), null, false, false);
            this.response = response;
        }
    }
}
