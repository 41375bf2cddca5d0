package io.hypermesh.ledger.block;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hypermesh.protocol.BlockHeader;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.JsonNode;

@Schema(description = "An operation to append as a block, with the consensus proof its author made for it", example = """
        {"type": "DEPLOYMENT",
         "payload": {"assetId": "a-42", "version": "1.0.0", "codeDigest": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
         "proof": {
           "stake": {"publicKey": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "identity": "hm1eh7ddx5bksrgcytl7bkai36se4nxx3kl",
                     "signature": "DQbTLSuUW8d2WEhb9PWIlbGZ6gJ_Gcx12NcJt3C1CHDjYycuZUJP68pP2HI0Fnr7aELgvGals9WC-IkqUU64AA"},
           "work": {"nonce": 78},
           "time": {"timestamp": 1767225605000, "anchorHeight": 0, "anchorHash": "fa9a6a939fa1613f092521889200c149b0dd9470710a29847bc46dd4cdc87b72"},
           "space": {"zone": "eu-west", "x": 12.5, "y": -3.0, "z": 40.0}}}""")
record AppendBlockRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be 2-32 upper-case letters, digits or '_'")
        @Schema(description = "Block type, e.g. DEPLOYMENT, EXECUTION, COMPLETION, HOST_JOINED, HOST_LEFT, STAKE_CHANGED")
        String type,
        @NotNull @Schema(description = "The operation as a JSON object; its RFC 8785 canonical form is what is hashed and signed")
        JsonNode payload,
        @NotNull @Valid ProofRequest proof) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "GENESIS is created by the ledger itself and cannot be appended")
    public boolean isNotGenesis() {
        return !BlockHeader.GENESIS.equals(type);
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "payload must be a JSON object")
    public boolean isPayloadObject() {
        return payload == null || payload.isObject();
    }
}
