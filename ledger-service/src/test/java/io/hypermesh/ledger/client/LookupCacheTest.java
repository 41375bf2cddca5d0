package io.hypermesh.ledger.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger lookups = new AtomicInteger();

    private final List<Runnable> backgroundTasks = new ArrayList<>();

    /** A cache of 10 s whose clock the test moves and whose background work waits until the test runs it. */
    private LookupCache<String, String> cache(Function<String, String> loader) {
        return new LookupCache<>(Duration.ofSeconds(10), key -> {
            lookups.incrementAndGet();
            return loader.apply(key);
        }, nanos::get, backgroundTasks::add);
    }

    private void runBackgroundTasks() {
        List<Runnable> tasks = new ArrayList<>(backgroundTasks);
        backgroundTasks.clear();
        tasks.forEach(Runnable::run);
    }

    /** Answers "value N" on the N-th lookup, except the {@code failing}-th, which throws as an unreachable service does. */
    private Function<String, String> failingOnLookup(int failing) {
        return key -> {
            if (lookups.get() == failing) {
                throw new IllegalStateException("payment-service did not answer");
            }
            return "value " + lookups.get();
        };
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void shouldServeAFreshValueWithoutLookingItUpAgain() {
        LookupCache<String, String> cache = cache(key -> key + "@" + nanos.get());

        assertThat(cache.get("alice")).isEqualTo("alice@0");
        advance(Duration.ofSeconds(4));

        assertThat(cache.get("alice")).isEqualTo("alice@0");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldServeTheCurrentValueAndRefreshItOncePastHalfItsLifetime() {
        LookupCache<String, String> cache = cache(key -> key + "@" + nanos.get());
        cache.get("alice");
        advance(Duration.ofSeconds(6));

        assertThat(cache.get("alice")).as("the caller does not wait for the refresh").isEqualTo("alice@0");
        assertThat(lookups).hasValue(1);
        runBackgroundTasks();

        assertThat(lookups).hasValue(2);
        assertThat(cache.get("alice")).isEqualTo("alice@" + Duration.ofSeconds(6).toNanos());
    }

    @Test
    void shouldLookUpAgainOnceTheValueHasExpired() {
        LookupCache<String, String> cache = cache(key -> key + "@" + nanos.get());
        cache.get("alice");
        advance(Duration.ofSeconds(11));

        assertThat(cache.get("alice")).isEqualTo("alice@" + Duration.ofSeconds(11).toNanos());
        assertThat(lookups).hasValue(2);
    }

    @Test
    void shouldNotCacheWhatTheLoaderDidNotFind() {
        LookupCache<String, String> cache = cache(key -> null);

        assertThat(cache.get("nowhere")).isNull();
        assertThat(cache.get("nowhere")).isNull();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void shouldPassAFailedLookupToTheCallerAndCacheNothing() {
        LookupCache<String, String> cache = cache(failingOnLookup(1));

        assertThatThrownBy(() -> cache.get("alice")).isInstanceOf(IllegalStateException.class)
                .hasMessage("payment-service did not answer");
        assertThat(cache.get("alice")).isEqualTo("value 2");
    }

    @Test
    void shouldKeepTheOldValueWhenABackgroundRefreshFails() {
        LookupCache<String, String> cache = cache(failingOnLookup(2));
        cache.get("alice");
        advance(Duration.ofSeconds(6));

        assertThat(cache.get("alice")).isEqualTo("value 1");
        runBackgroundTasks();

        assertThat(lookups).as("the refresh was tried").hasValue(2);
        assertThat(cache.get("alice")).isEqualTo("value 1");
    }

    @Test
    void shouldLetConcurrentMissesForOneKeyShareOneLookup() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        LookupCache<String, String> cache = new LookupCache<>(Duration.ofSeconds(10), key -> {
            lookups.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "staked";
        }, nanos::get, Runnable::run);
        List<String> answers = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> answers.add(cache.get("alice")));
            callers.add(caller);
            caller.start();
        }
        // Every caller has reached the cache and waits — one inside the lookup, the others for its result.
        await().atMost(Duration.ofSeconds(5)).until(() -> lookups.get() == 1 && callers.stream()
                .allMatch(caller -> caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TIMED_WAITING
                        || caller.getState() == Thread.State.BLOCKED));
        release.countDown();
        for (Thread caller : callers) {
            caller.join(5_000);
        }

        assertThat(answers).hasSize(8).containsOnly("staked");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldLookUpEveryTimeWithAZeroLifetime() {
        LookupCache<String, String> cache = new LookupCache<>(Duration.ZERO, key -> {
            lookups.incrementAndGet();
            return "value";
        });

        cache.get("alice");
        cache.get("alice");

        assertThat(lookups).hasValue(2);
    }
}
