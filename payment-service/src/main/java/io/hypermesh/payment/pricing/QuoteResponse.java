package io.hypermesh.payment.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An itemised price in micro-CAES: lines for one replica, their sum, × redundancy, × privacy "
        + "multiplier (rounded up once); honoured until expiresAt")
record QuoteResponse(UUID id, String requestedBy, int rateCardVersion, Requirements resources, long durationSeconds,
        String privacy, int redundancy, List<Item> items, long perReplica, int privacyMultiplierPercent, long total,
        Instant createdAt, Instant expiresAt, boolean expired) {

    @Schema(description = "One resource line for one replica: usage in 'unit', rate in micro-CAES per 'rateUnit'")
    record Item(String resource, long usage, String unit, long rate, String rateUnit, long amount) {
    }

    static QuoteResponse of(Quote quote, RateCard card, Instant now) {
        Requirements r = quote.resources();
        long seconds = quote.durationSeconds();
        Price price = quote.price();
        List<Item> items = List.of(
                new Item("cpu", r.cpuCores() * seconds, "core-second", card.cpuCoreSecond(), "core-second", price.cpu()),
                new Item("memory", r.memoryMb() * seconds, "MB-second", card.memoryGbSecond(), "GB-second (1024 MB)", price.memory()),
                new Item("storage", r.storageMb(), "MB", card.storageGb(), "GB (1024 MB)", price.storage()),
                new Item("gpu", r.gpus() * seconds, "GPU-second", card.gpuSecond(), "GPU-second", price.gpu()),
                new Item("network", r.networkMb(), "MB", card.networkGb(), "GB (1024 MB)", price.network()));
        return new QuoteResponse(quote.id(), quote.requestedBy(), quote.rateCardVersion(), r, seconds, quote.privacy().name(),
                quote.redundancy(), items, price.perReplica(), price.privacyPercent(), price.total(), quote.createdAt(),
                quote.expiresAt(), quote.expiredAt(now));
    }

    static String path(UUID id) {
        return "/api/v1/payments/quotes/" + id;
    }
}
