package io.hypermesh.gateway.ratelimit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class RateLimitFilterConfig {

    /** Ordered just after Spring Security, whose context is still in place there, so the token subject is known. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitGate gate,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(gate, resolver));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
