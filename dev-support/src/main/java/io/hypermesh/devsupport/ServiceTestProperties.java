package io.hypermesh.devsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at its own schema on the test PostgreSQL and at the test token issuer. */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    public static void register(String service, DynamicPropertyRegistry registry) {
        ServiceDatabase database = TestPostgres.forService(service);
        database.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestTokenIssuer issuer = TestTokenIssuer.shared();
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuer);
    }
}
