package io.hypermesh.gateway.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Counts every {@code /api/v1/**} request. It runs after Spring Security (see its registration), so
 * a valid token's subject is known; a 429 is written by the same exception handler as every other
 * Problem Details answer.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitGate gate;
    private final HandlerExceptionResolver exceptionResolver;

    public RateLimitFilter(RateLimitGate gate, HandlerExceptionResolver exceptionResolver) {
        this.gate = gate;
        this.exceptionResolver = exceptionResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            gate.admit(request, response, SecurityContextHolder.getContext().getAuthentication());
        } catch (RateLimitExceededException e) {
            exceptionResolver.resolveException(request, response, null, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
