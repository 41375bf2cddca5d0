package io.hypermesh.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.hypermesh.service.json.ValueRules;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a NUL character (U+0000) in any query parameter or path segment with a 400 that names it, before a
 * controller could pass it to PostgreSQL (which cannot store it in text). JSON bodies are checked by the strict
 * reader instead; this filter reads only the URL, never the body.
 */
public class QueryTextFilter extends OncePerRequestFilter {

    private final ProblemSecurityHandlers problems;

    public QueryTextFilter(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Map<String, String>> errors = new ArrayList<>();
        if (request.getRequestURI().contains("%00") || request.getRequestURI().indexOf('\0') >= 0) {
            errors.add(Map.of("field", "path", "message", ValueRules.NUL));
        }
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                    errors.add(Map.of("field", name.replace("\0", "\\u0000"), "message", ValueRules.NUL));
                }
            }
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemSecurityHandlers.problem(HttpStatus.BAD_REQUEST, "validation", "Validation failed",
                "The request has " + errors.size() + " invalid field(s); see 'errors'.");
        problem.setProperty("errors", errors);
        problems.write(request, response, problem);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
