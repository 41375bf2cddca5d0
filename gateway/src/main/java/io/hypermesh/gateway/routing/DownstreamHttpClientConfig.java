package io.hypermesh.gateway.routing;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The HTTP client the proxy uses (the gateway picks up a {@link ClientHttpRequestFactory} bean).
 * Redirects are passed to the caller, never followed: a 302 from a service is the caller's business.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHttpClientConfig {

    @Bean
    ClientHttpRequestFactory downstreamRequestFactory(DownstreamTimeouts timeouts) {
        return ClientHttpRequestFactoryBuilder.jdk().build(HttpClientSettings.defaults()
                .withTimeouts(timeouts.connect(), timeouts.read())
                .withRedirects(HttpRedirects.DONT_FOLLOW));
    }
}
