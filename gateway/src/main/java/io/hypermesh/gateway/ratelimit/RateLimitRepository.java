package io.hypermesh.gateway.ratelimit;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fixed one-minute windows in {@code rate_limit_windows}. The window and the time to its end come
 * from the database clock, so every replica puts a request in the same window.
 */
@Repository
class RateLimitRepository {

    record WindowCount(int count, long resetSeconds) {
    }

    private final JdbcClient jdbc;

    RateLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one request for {@code key} in the current window, atomically, and returns the new count. */
    WindowCount increment(String key) {
        return jdbc.sql("""
                        insert into rate_limit_windows as w (key, window_start, count)
                        values (:key, date_trunc('minute', now()), 1)
                        on conflict (key, window_start) do update set count = w.count + 1
                        returning w.count,
                                  greatest(1, ceil(extract(epoch from (w.window_start + interval '1 minute' - now()))))::bigint
                                      as reset_seconds""")
                .param("key", key)
                .query((rs, row) -> new WindowCount(rs.getInt("count"), rs.getLong("reset_seconds")))
                .single();
    }

    int deleteWindowsOlderThan(Duration age) {
        return jdbc.sql("delete from rate_limit_windows where window_start < now() - :seconds * interval '1 second'")
                .param("seconds", age.toSeconds())
                .update();
    }
}
