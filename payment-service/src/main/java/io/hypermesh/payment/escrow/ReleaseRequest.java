package io.hypermesh.payment.escrow;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

@Schema(description = "Why the hold goes back to the client in full (optional; recorded as the journal memo)",
        example = """
        {"reason": "execution failed on every replica"}""")
record ReleaseRequest(@Size(max = 500) String reason) {

    static final ReleaseRequest NONE = new ReleaseRequest(null);
}
