package io.hypermesh.ledger.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A small time-boxed cache: a stake or zone looked up a moment ago is reused, not fetched again. */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    ExpiringCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(K key, V value) {
        if (entries.size() > 100_000) {
            entries.clear(); // bounded memory; a cache miss only costs one lookup
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
}
