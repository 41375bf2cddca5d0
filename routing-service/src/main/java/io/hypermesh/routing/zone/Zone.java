package io.hypermesh.routing.zone;

import java.time.Instant;

/** A named region of the coordinate space, created by an operator. */
record Zone(String name, String description, Bounds bounds, String createdBy, Instant createdAt) {
}
