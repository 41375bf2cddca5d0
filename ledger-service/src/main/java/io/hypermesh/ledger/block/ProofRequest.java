package io.hypermesh.ledger.block;

import io.hypermesh.protocol.ConsensusProof;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The consensus proof as it travels. Only presence and size are validated here (400); whether each part
 * holds is the proof check's (422, naming the part).
 */
@Schema(description = "The four proofs; see docs/protocol.md for every byte they commit to")
record ProofRequest(@NotNull @Valid Stake stake, @NotNull @Valid Work work, @NotNull @Valid Time time,
                    @NotNull @Valid Space space) {

    @Schema(description = "WHO: raw Ed25519 public key and signature in unpadded base64url, and the identity derived from the key")
    record Stake(@NotBlank @Size(max = 100) String publicKey, @NotBlank @Size(max = 100) String identity,
                 @NotBlank @Size(max = 200) String signature) {
    }

    @Schema(description = "WHAT/HOW: nonce such that SHA-256(binding digest || nonce) has enough leading zero bits")
    record Work(@NotNull Long nonce) {
    }

    @Schema(description = "WHEN: author's clock in epoch milliseconds and the anchor block (height and hash) it builds on")
    record Time(@NotNull Long timestamp, @NotNull Long anchorHeight, @NotBlank @Size(max = 100) String anchorHash) {
    }

    @Schema(description = "WHERE: zone name and a point of the 3D network coordinate space")
    record Space(@NotBlank @Size(max = 100) String zone, @NotNull Double x, @NotNull Double y, @NotNull Double z) {
    }

    ConsensusProof toProof() {
        return new ConsensusProof(
                new ConsensusProof.Stake(stake.publicKey(), stake.identity(), stake.signature()),
                new ConsensusProof.Work(work.nonce()),
                new ConsensusProof.Time(time.timestamp(), time.anchorHeight(), time.anchorHash()),
                new ConsensusProof.Space(space.zone(), space.x(), space.y(), space.z()));
    }
}
