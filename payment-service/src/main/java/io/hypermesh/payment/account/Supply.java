package io.hypermesh.payment.account;

/** Minted supply next to the sum of all holding balances; equal whenever the journal is sound. */
public record Supply(long minted, long held, long accounts) {

    public boolean balanced() {
        return minted == held;
    }
}
