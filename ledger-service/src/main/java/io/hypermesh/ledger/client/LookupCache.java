package io.hypermesh.ledger.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Remote lookups (stakes, zones) reused for at most {@code ttl}. Appends must not stall when entries expire: a value
 * past half its lifetime is refreshed in the background while the current one is still served, and concurrent misses
 * for the same key share one remote call. Without that, every request thread that needed one of the authors whose
 * entries expired together called payment-service itself, and under load appends stalled for hundreds of milliseconds
 * every {@code ttl} (docs/benchmarks.md, 2026-12-06). A loader that returns null (an unknown zone) caches nothing; one
 * that throws leaves the key uncached and the caller gets the exception; a failed background refresh keeps the old
 * value until it expires.
 */
final class LookupCache<K, V> {

    /** Background refreshes block on HTTP for up to the read timeout: they get threads of their own, not the common pool. */
    private static final ExecutorService REFRESHES = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "ledger-lookup-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final Function<K, V> loader;
    private final LoadingCache<K, V> cache;

    LookupCache(Duration ttl, Function<K, V> loader) {
        this(ttl, loader, Ticker.systemTicker(), REFRESHES);
    }

    LookupCache(Duration ttl, Function<K, V> loader, Ticker ticker, Executor refreshes) {
        this.loader = loader;
        // Below two nanoseconds there is no half-life to refresh at: such a ttl (0s in tests) means no caching.
        this.cache = ttl.toNanos() < 2 ? null : Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(ttl)
                .refreshAfterWrite(ttl.dividedBy(2))
                .ticker(ticker)
                .executor(refreshes)
                .build(loader::apply);
    }

    /** The value, from the cache or looked up now; null when the loader found nothing. */
    V get(K key) {
        return cache == null ? loader.apply(key) : cache.get(key);
    }
}
