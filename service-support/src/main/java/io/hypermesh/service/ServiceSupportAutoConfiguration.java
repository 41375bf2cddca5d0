package io.hypermesh.service;

import io.hypermesh.service.json.StrictJsonCustomizer;
import io.hypermesh.service.security.RolesBeforeBody;
import io.hypermesh.service.security.TokenLifetimeValidator;
import io.hypermesh.service.web.ApiExceptionHandler;
import io.hypermesh.service.web.ProblemSecurityHandlers;
import io.hypermesh.service.web.QueryTextFilter;
import io.hypermesh.service.web.RequestBodyLimitFilter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service contract every HyperMesh service gets by depending on this module: strict JSON input, the request
 * guards (body size, NUL in the URL) ahead of everything else, role checks before a body is read, token
 * lifetime rules for Spring Boot's JWT decoder, and the Problem Details handler (unless the application has its own, as the gateway does).
 */
// Before Web MVC's, whose stock Problem Details handler stands back only when this one is already there.
@AutoConfiguration(beforeName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration"})
@EnableConfigurationProperties(ServiceSupportProperties.class)
public class ServiceSupportAutoConfiguration {

    /** Before the trace filter and Spring Security: a refused request costs nothing further. */
    static final int GUARD_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    StrictJsonCustomizer strictJsonCustomizer() {
        return new StrictJsonCustomizer();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ServiceSupportProperties properties,
            ProblemSecurityHandlers problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestBody(), problems));
        registration.setOrder(GUARD_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryTextFilter> queryTextFilter(ProblemSecurityHandlers problems) {
        FilterRegistrationBean<QueryTextFilter> registration = new FilterRegistrationBean<>(new QueryTextFilter(problems));
        registration.setOrder(GUARD_ORDER + 1);
        return registration;
    }

    @Bean
    WebMvcConfigurer rolesBeforeBody() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RolesBeforeBody());
            }
        };
    }

    /** Picked up by Spring Boot's JWT decoder next to its issuer, audience and timestamp checks. */
    @Bean
    OAuth2TokenValidator<Jwt> tokenLifetimeValidator(ServiceSupportProperties properties, ObjectProvider<Clock> clock) {
        return new TokenLifetimeValidator(properties.maxTokenLifetime(), clock.getIfAvailable(Clock::systemUTC));
    }
}
