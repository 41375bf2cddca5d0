package io.hypermesh.payment.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The regex-free resolver answers exactly as Spring Security's default one, header by header. */
class AuthorizationHeaderBearerTokenResolverTest {

    private static final List<String> HEADERS = Arrays.asList(null, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ",
            "bearer abc.def-ghi_jkl~mno+pqr/stu", "BEARER abc", "Bearer abc==", "Bearer abc=d", "Bearer ==",
            "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearer a,b", "Bearerabc", "Bearer\tabc", "Bearers abc",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Bearer é", "Digest realm=x");

    private final AuthorizationHeaderBearerTokenResolver resolver = new AuthorizationHeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver reference = new DefaultBearerTokenResolver();

    @Test
    void shouldResolveAndRefuseEveryHeaderAsTheDefaultResolverDoes() {
        for (String header : HEADERS) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments/transfers");
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            String expected;
            try {
                expected = reference.resolve(request);
            } catch (OAuth2AuthenticationException refused) {
                assertThatThrownBy(() -> resolver.resolve(request)).as(header)
                        .isInstanceOfSatisfying(OAuth2AuthenticationException.class, mine ->
                                assertThat(mine.getError().getDescription()).isEqualTo(refused.getError().getDescription()));
                continue;
            }
            assertThat(resolver.resolve(request)).as(header).isEqualTo(expected);
        }
    }

    @Test
    void shouldNeverReadTheTokenFromAQueryParameter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/payments/accounts/x");
        request.setParameter("access_token", "abc");

        assertThat(resolver.resolve(request)).isNull();
        assertThat(reference.resolve(request)).isNull();
    }
}
