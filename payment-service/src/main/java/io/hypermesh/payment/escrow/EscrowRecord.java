package io.hypermesh.payment.escrow;

import java.util.List;

/** A hold as stored: the escrow, how it was closed (null while held) and the settlement's payouts. */
record EscrowRecord(Escrow escrow, Closing closing, List<Payout> payouts) {
}
