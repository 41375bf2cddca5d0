package io.hypermesh.ledger.block;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ledger/verify")
@Tag(name = "Verification", description = "Recompute the chain's digests, hashes, signatures and links; anyone may ask.")
public class VerifyController {

    private final ChainVerifier verifier;

    VerifyController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping
    @Operation(summary = "Verify the chain over a range of heights",
            description = "from defaults to 0, to to the head (a 'to' above the head is cut to the head). The answer is 200 "
                    + "either way; 'valid' says whether the range verifies and 'firstBadHeight' names the first block that does not.")
    VerificationReport verify(@RequestParam(required = false) @Min(0) Long from, @RequestParam(required = false) @Min(0) Long to) {
        return verifier.verify(from, to);
    }
}
