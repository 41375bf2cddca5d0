package io.hypermesh.payment.account;

/** A loaded account: its code and balance. Balances change only through {@link Ledger#post}. */
record Account(String code, Money balance) {
}
