package io.hypermesh.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the role part of a controller's {@code @PreAuthorize} before Spring MVC reads and validates the body:
 * method security runs only once the arguments are bound, so without this a caller lacking the role would learn
 * from a 400 what the body should look like. Only the leading {@code hasRole(...)} or {@code hasAnyRole(...)}
 * clause is taken, when the rest is joined to it by {@code and} (a necessary condition); the whole expression
 * is still evaluated by method security afterwards.
 */
public final class RolesBeforeBody implements HandlerInterceptor {

    private static final Pattern LEADING_ROLES = Pattern.compile("^\\s*has(?:Any)?Role\\(([^)]*)\\)\\s*(?:$|and\\b)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private final Map<HandlerMethod, List<String>> requiredByHandler = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        List<String> required = requiredByHandler.computeIfAbsent(method, RolesBeforeBody::requiredRoles);
        if (required.isEmpty()) {
            return true;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            return true; // the filter chain's own rules answer 401 where a token is needed
        }
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if (required.contains(authority.getAuthority().replaceFirst("^ROLE_", ""))) {
                return true;
            }
        }
        List<GrantedAuthority> needed = required.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        throw new AuthorizationDeniedException("Access Denied", new AuthorityAuthorizationDecision(false, needed));
    }

    static List<String> requiredRoles(HandlerMethod method) {
        PreAuthorize annotation = method.getMethodAnnotation(PreAuthorize.class);
        if (annotation == null) {
            annotation = method.getBeanType().getAnnotation(PreAuthorize.class);
        }
        List<String> roles = new ArrayList<>();
        if (annotation == null) {
            return roles;
        }
        Matcher leading = LEADING_ROLES.matcher(annotation.value());
        if (leading.find()) {
            Matcher quoted = QUOTED.matcher(leading.group(1));
            while (quoted.find()) {
                roles.add(quoted.group(1));
            }
        }
        return roles;
    }
}
