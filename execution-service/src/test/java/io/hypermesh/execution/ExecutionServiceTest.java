package io.hypermesh.execution;

import io.hypermesh.devsupport.ServiceTestProperties;
import io.hypermesh.devsupport.TestHttp;
import io.hypermesh.devsupport.TestTokenIssuer;
import io.hypermesh.protocol.Ed25519;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on a random port, over real HTTP, with its real migrations on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ExecutionServiceTest {

    protected static final TestTokenIssuer TOKENS = TestTokenIssuer.shared();

    @LocalServerPort
    int port;

    protected TestHttp http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ServiceTestProperties.register("execution", registry);
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
    }

    protected static String freshIdentity() {
        return Ed25519.generate().identity().value();
    }
}
