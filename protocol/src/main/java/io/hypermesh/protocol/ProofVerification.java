package io.hypermesh.protocol;

/** The outcome of verifying a consensus proof: valid, or the first part that failed and why. */
public record ProofVerification(ProofPart failedPart, String reason) {

    private static final ProofVerification VALID = new ProofVerification(null, null);

    public static ProofVerification valid() {
        return VALID;
    }

    public static ProofVerification failed(ProofPart part, String reason) {
        return new ProofVerification(part, reason);
    }

    public boolean isValid() {
        return failedPart == null;
    }
}
