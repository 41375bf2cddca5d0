package io.hypermesh.payment.stake;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "An identity's stake in micro-CAES. 'staked' is what counts for proof of stake")
record StakeResponse(String identity,
        @Schema(description = "Bonded stake: counts for proof of stake") long staked,
        @Schema(description = "Asked back and waiting for the unlock delay; still slashable") long unlocking,
        @Schema(description = "staked + unlocking: what the stake account holds") long total) {

    static StakeResponse of(Stake stake) {
        return new StakeResponse(stake.identity(), stake.bonded().micro(), stake.unlocking().micro(), stake.total().micro());
    }
}
