package io.hypermesh.payment.pricing;

/** A priced request: each resource line for one replica, their sum, the privacy multiplier and the k-fold total. */
record Price(long cpu, long memory, long storage, long gpu, long network, long perReplica, int privacyPercent, long total) {
}
