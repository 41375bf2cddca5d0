package io.hypermesh.payment.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

@Schema(description = "One version of the prices: micro-CAES per unit, and privacy multipliers in percent")
record RateCardResponse(int version, long cpuCoreSecond, long memoryGbSecond, long storageGb, long gpuSecond, long networkGb,
        Map<String, Integer> privacyMultiplierPercent, Instant createdAt) {

    static RateCardResponse of(RateCard card) {
        Map<String, Integer> percent = new java.util.LinkedHashMap<>();
        for (PrivacyLevel level : PrivacyLevel.values()) {
            percent.put(level.name(), card.percentFor(level));
        }
        return new RateCardResponse(card.version(), card.cpuCoreSecond(), card.memoryGbSecond(), card.storageGb(),
                card.gpuSecond(), card.networkGb(), percent, card.createdAt());
    }
}
