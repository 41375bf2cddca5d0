package io.hypermesh.deploy;

import java.util.List;

/** The processes of the suite, in start order, with their default local ports. */
public enum SuiteService {
    REGISTRY("registry-service", "registry", 8081),
    EXECUTION("execution-service", "execution", 8082),
    ROUTING("routing-service", "routing", 8083),
    PAYMENT("payment-service", "payment", 8084),
    LEDGER("ledger-service", "ledger", 8085),
    GATEWAY("gateway", "gateway", 8080);

    private final String module;
    private final String schema;
    private final int defaultPort;

    SuiteService(String module, String schema, int defaultPort) {
        this.module = module;
        this.schema = schema;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    /** The PostgreSQL schema the process owns (the gateway's holds signing keys, challenges and rate-limit windows). */
    public String schema() {
        return schema;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public static List<SuiteService> backends() {
        return List.of(REGISTRY, EXECUTION, ROUTING, PAYMENT, LEDGER);
    }
}
