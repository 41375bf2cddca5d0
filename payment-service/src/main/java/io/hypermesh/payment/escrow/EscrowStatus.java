package io.hypermesh.payment.escrow;

/** A hold is open until exactly one of settle, release or expiry closes it; a closed hold never reopens. */
enum EscrowStatus {
    HELD, SETTLED, RELEASED, EXPIRED;

    String sql() {
        return name().toLowerCase();
    }

    static EscrowStatus fromSql(String value) {
        return valueOf(value.toUpperCase());
    }
}
