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

    String sql() {
        return name().toLowerCase();
    }

    static AccountKind fromSql(String value) {
        return valueOf(value.toUpperCase());
    }
}
