package io.hypermesh.registry.asset;

/** The life of an asset version: edited as a DRAFT, DEPLOYED onto the ledger, RETIRED from new executions. */
enum AssetStatus {
    DRAFT,
    DEPLOYED,
    RETIRED;

    static final String PATTERN = "DRAFT|DEPLOYED|RETIRED";
}
