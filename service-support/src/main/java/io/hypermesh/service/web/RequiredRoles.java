package io.hypermesh.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;

/** Says which role an operation needs, read from the authorization decision that refused the call. */
final class RequiredRoles {

    private static final Pattern QUOTED_ROLE = Pattern.compile("'([A-Za-z][A-Za-z0-9_-]*)'");

    private RequiredRoles() {
    }

    static String detail(AccessDeniedException exception) {
        List<String> roles = of(exception);
        if (roles.isEmpty()) {
            return "Your token does not carry a role that may perform this operation.";
        }
        return "This operation needs a token with the role " + String.join(" or ", roles)
                + "; sign in again asking for it (hypermesh login --role " + roles.get(0) + ").";
    }

    static List<String> of(AccessDeniedException exception) {
        List<String> roles = new ArrayList<>();
        if (!(exception instanceof AuthorizationDeniedException denied)) {
            return roles;
        }
        AuthorizationResult result = denied.getAuthorizationResult();
        if (result instanceof ExpressionAuthorizationDecision expression && expression.getExpression() != null) {
            String text = expression.getExpression().getExpressionString();
            if (text.contains("hasRole") || text.contains("hasAnyRole")) {
                Matcher matcher = QUOTED_ROLE.matcher(text);
                while (matcher.find()) {
                    roles.add(matcher.group(1));
                }
            }
        } else if (result instanceof AuthorityAuthorizationDecision authorities) {
            authorities.getAuthorities().forEach(authority ->
                    roles.add(authority.getAuthority().replaceFirst("^ROLE_", "")));
        }
        return roles;
    }
}
