package io.hypermesh.protocol;

/** The four parts of a consensus proof, in the order a verifier checks them. */
public enum ProofPart {
    STAKE, WORK, TIME, SPACE
}
