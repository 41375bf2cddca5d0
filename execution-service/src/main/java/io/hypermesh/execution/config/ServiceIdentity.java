package io.hypermesh.execution.config;

import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ServiceTokens;

/**
 * execution-service's own identity: its key (it signs COMPLETION proofs with it) and the tokens it gets with that key
 * at the gateway (role {@code service}) to call routing, registry, payment and the ledger.
 */
public record ServiceIdentity(Ed25519.Signer key, ServiceTokens tokens) {
}
