package io.hypermesh.registry.asset;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * An asset's id: a time-ordered UUID (version 7 layout), so that keyset pagination by id follows
 * creation order and new rows land at the right edge of the primary-key index.
 */
record AssetId(UUID value) {

    /** A canonical lowercase UUID, as ids are written. */
    static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final SecureRandom RANDOM = new SecureRandom();

    AssetId {
        if (value == null) {
            throw new IllegalArgumentException("an asset id is required");
        }
    }

    static AssetId generate(Clock clock) {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new AssetId(new UUID(high, low));
    }

    /** Empty when the text is not a UUID: such an asset cannot exist. */
    static Optional<AssetId> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString accepts abbreviated forms; only the canonical spelling names an asset.
            return uuid.toString().equalsIgnoreCase(text) ? Optional.of(new AssetId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
