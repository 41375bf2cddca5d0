package io.hypermesh.payment.account;

/**
 * A loaded, locked account. Its balance changes only through {@link #apply(long)}, which refuses
 * anything that would make it negative: the last line of defence before the database's own check.
 */
final class Account {

    private final long id;
    private final String code;
    private final AccountKind kind;
    private final String owner;
    private Money balance;

    Account(long id, String code, AccountKind kind, String owner, Money balance) {
        this.id = id;
        this.code = code;
        this.kind = kind;
        this.owner = owner;
        this.balance = balance;
    }

    /**
     * Applies a signed posting (+ debit, - credit). A debit raises a holding account and lowers the
     * issuance account; a credit does the opposite.
     */
    void apply(long signedAmount) {
        long change = kind.creditNormal() ? -signedAmount : signedAmount;
        if (change < 0) {
            Money needed = Money.ofMicro(-change);
            if (balance.isLessThan(needed)) {
                throw new InsufficientFundsException(kind, balance, needed);
            }
            balance = balance.minus(needed);
        } else {
            balance = balance.plus(Money.ofMicro(change));
        }
    }

    long id() {
        return id;
    }

    String code() {
        return code;
    }

    AccountKind kind() {
        return kind;
    }

    String owner() {
        return owner;
    }

    Money balance() {
        return balance;
    }
}
