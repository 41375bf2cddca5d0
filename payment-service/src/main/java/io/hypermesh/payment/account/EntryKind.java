package io.hypermesh.payment.account;

/** Why CAES moved; recorded on every journal entry. */
public enum EntryKind {
    MINT, TRANSFER, STAKE, UNSTAKE, SLASH, HOLD, SETTLEMENT, RELEASE;

    String sql() {
        return name().toLowerCase();
    }

    static EntryKind fromSql(String value) {
        return valueOf(value.toUpperCase());
    }
}
