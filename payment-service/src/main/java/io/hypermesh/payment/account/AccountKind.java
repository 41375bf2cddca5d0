package io.hypermesh.payment.account;

/**
 * What an account is for. Only the issuance account is credit-normal (its balance grows when it is
 * credited); every other account holds CAES and is debit-normal.
 */
public enum AccountKind {
    WALLET, STAKE, ISSUANCE, TREASURY, ESCROW, PLATFORM_FEES;

    boolean creditNormal() {
        return this == ISSUANCE;
    }

    /**
     * What a signed posting (+ debit, - credit) does to an account of this kind: a debit raises a
     * holding account and lowers the issuance account; a credit does the opposite.
     */
    long balanceChange(long signedAmount) {
        return creditNormal() ? Math.negateExact(signedAmount) : signedAmount;
    }

    String sql() {
        return name().toLowerCase();
    }
}
