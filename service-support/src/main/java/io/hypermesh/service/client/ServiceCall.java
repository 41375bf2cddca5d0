package io.hypermesh.service.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.hypermesh.protocol.ServiceTokens;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * One call from a service to another under the caller's own identity (role {@code service}): the token from
 * {@link ServiceTokens}, one fresh sign-in when the callee says 401, a circuit breaker per callee that counts only
 * the callee's failures (no answer, 5xx; a 4xx is the caller's business), and two outcomes a caller can act on:
 * {@link ServiceRefusedException} (the callee answered no, with its Problem Details) and
 * {@link ServiceUnavailableException} (no usable answer: retry later, with the same idempotency key).
 */
public final class ServiceCall {

    private final String callee;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;

    public ServiceCall(String callee, ServiceTokens tokens) {
        this.callee = callee;
        this.tokens = tokens;
        this.breaker = CircuitBreaker.of(callee, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
    }

    /** An {@code @HttpExchange} client of {@code type} on {@code baseUrl}, with explicit timeouts. */
    public static <T> T client(Class<T> type, RestClient.Builder builder, String baseUrl, Duration connectTimeout,
            Duration readTimeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        RestClient rest = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(type);
    }

    /** Calls with {@code "Bearer <token>"}; retries once with a fresh token when the callee answers 401. */
    public <R> R call(Function<String, R> request) {
        try {
            return callOnce(request);
        } catch (HttpClientErrorException.Unauthorized expired) {
            try {
                return callOnce(request);
            } catch (HttpClientErrorException.Unauthorized again) {
                throw new ServiceUnavailableException(callee, "it does not accept this service's token", again);
            }
        }
    }

    private <R> R callOnce(Function<String, R> request) {
        String token;
        try {
            token = breaker.executeCallable(tokens::bearer);
        } catch (Exception e) {
            throw new ServiceUnavailableException(callee, "could not sign in at the gateway (" + reason(e) + ")", e);
        }
        try {
            return breaker.executeSupplier(() -> request.apply("Bearer " + token));
        } catch (HttpClientErrorException.Unauthorized refused) {
            tokens.refused(token);
            throw refused;
        } catch (HttpClientErrorException refused) {
            throw new ServiceRefusedException(callee, refused.getStatusCode().value(), problem(refused));
        } catch (CallNotPermittedException | RestClientException e) {
            throw new ServiceUnavailableException(callee, "no answer (" + reason(e) + ")", e);
        }
    }

    private static ProblemDetail problem(HttpClientErrorException refused) {
        try {
            return refused.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException notProblemDetails) {
            return ProblemDetail.forStatus(refused.getStatusCode());
        }
    }

    /** The innermost cause in a few words: "ConnectException: Connection refused", "circuit breaker open". */
    static String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return "circuit breaker open after repeated failures";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
