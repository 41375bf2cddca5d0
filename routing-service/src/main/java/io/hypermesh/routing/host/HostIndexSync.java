package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostIndex;
import io.hypermesh.routing.matrix.HostProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's in-memory index in step with the hosts table: loaded whole at start, then
 * refreshed from the rows written since the last look (with an overlap, because a transaction may
 * commit a little after the timestamp it wrote). Versions make re-applying a row harmless.
 */
@Component
class HostIndexSync {

    private static final Logger log = LoggerFactory.getLogger(HostIndexSync.class);
    private static final Duration OVERLAP = Duration.ofSeconds(2);

    private final HostRepository hosts;
    private final HostIndex index;
    private volatile Instant lastSeen = Instant.EPOCH;
    private volatile boolean loaded;

    HostIndexSync(HostRepository hosts, HostIndex index) {
        this.hosts = hosts;
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAll() {
        Instant started = Instant.now();
        List<HostProfile> active = hosts.findAllActive();
        index.rebuild(active);
        lastSeen = started.minus(OVERLAP);
        loaded = true;
        log.info("Matrix index built with {} hosts in {} ms", active.size(), Duration.between(started, Instant.now()).toMillis());
    }

    @Scheduled(fixedDelayString = "${hypermesh.routing.sync-interval:1s}")
    void refresh() {
        if (!loaded) {
            return;
        }
        List<HostRepository.HostRow> changed = hosts.findChangedSince(lastSeen.minus(OVERLAP));
        for (HostRepository.HostRow row : changed) {
            if (row.removed()) {
                index.remove(row.profile().id(), row.profile().version());
            } else {
                index.upsert(row.profile());
            }
            if (row.updatedAt().isAfter(lastSeen)) {
                lastSeen = row.updatedAt();
            }
        }
    }
}
