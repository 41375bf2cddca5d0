package io.hypermesh.ledger.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** Typed HTTP clients with timeouts behind a circuit breaker: the shape every remote lookup of the ledger takes. */
final class RemoteLookups {

    private RemoteLookups() {
    }

    static <T> T client(RestClient.Builder builder, String baseUrl, ClientProperties properties, Class<T> api) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.connectTimeout());
        requests.setReadTimeout(properties.readTimeout());
        RestClient rest = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(api);
    }

    /**
     * Opens after half of the last ten calls failed (at least five), stays open 10 s, so a dead service
     * costs a fast 503 instead of a timeout per append. A 4xx answer is an answer, not a failure.
     */
    static CircuitBreaker circuitBreaker(String name) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(50)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
    }

    /** Runs a call through the breaker; a 4xx comes back as is, anything else as {@code unavailable}. */
    static <T> T call(CircuitBreaker breaker, Supplier<T> call, java.util.function.Function<Exception, RuntimeException> unavailable) {
        try {
            return breaker.executeSupplier(call);
        } catch (HttpClientErrorException answered) {
            throw answered;
        } catch (CallNotPermittedException | RestClientException e) {
            throw unavailable.apply(e);
        }
    }
}
