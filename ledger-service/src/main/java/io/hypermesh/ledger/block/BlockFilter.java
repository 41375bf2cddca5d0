package io.hypermesh.ledger.block;

import java.time.Instant;

/** Which blocks a list asks for; a null member does not filter. {@code from} is inclusive, {@code to} exclusive. */
record BlockFilter(String type, String author, String subject, Instant from, Instant to) {
}
