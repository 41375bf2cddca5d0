package io.hypermesh.ledger.block;

import io.hypermesh.service.web.ProblemException;
import io.hypermesh.protocol.ProofPart;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/** A consensus proof part that does not hold: 422 with one problem type per part, the chain untouched. */
class ProofRejectedException extends ProblemException {

    enum Reason {
        STAKE("proof-stake-invalid", "Proof of stake invalid"),
        WORK("proof-work-insufficient", "Proof of work insufficient"),
        TIME("proof-time-invalid", "Proof of time invalid"),
        SPACE("proof-space-invalid", "Proof of space invalid"),
        REPLAYED("proof-replayed", "Proof already used");

        final String slug;
        final String title;

        Reason(String slug, String title) {
            this.slug = slug;
            this.title = title;
        }

        static Reason of(ProofPart part) {
            return valueOf(part.name());
        }
    }

    ProofRejectedException(Reason reason, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, reason.slug, reason.title, detail);
        getBody().setProperty("part", reason == Reason.REPLAYED ? "time" : reason.name().toLowerCase(Locale.ROOT));
    }

    /** The proof's binding is already in a block (or earlier in the same commit): a proof is accepted once. */
    static ProofRejectedException replayed() {
        return new ProofRejectedException(Reason.REPLAYED, "This proof was already accepted; a proof is accepted once.");
    }

    /** Names the operation of a batch that was refused (0-based); the whole batch is refused with it. */
    ProofRejectedException at(int index) {
        getBody().setProperty("index", index);
        getBody().setDetail("Operation " + index + " of the batch: " + getBody().getDetail() + " Nothing of the batch was appended.");
        return this;
    }
}
