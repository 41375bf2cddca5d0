package io.hypermesh.execution.executions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * Wakes the long-polls of hosts that were just offered work on this replica. A poll on another replica finds the
 * offer at its next look at the database (AssignmentService re-checks every second), so this is only about speed.
 */
@Component
public class OfferSignals {

    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    public void await(String hostId, Runnable onOffer) {
        waiting.computeIfAbsent(hostId, id -> new CopyOnWriteArrayList<>()).add(onOffer);
    }

    public void forget(String hostId, Runnable onOffer) {
        waiting.computeIfPresent(hostId, (id, list) -> {
            list.remove(onOffer);
            return list.isEmpty() ? null : list;
        });
    }

    public void offered(String hostId) {
        List<Runnable> callbacks = waiting.remove(hostId);
        if (callbacks != null) {
            callbacks.forEach(Runnable::run);
        }
    }
}
