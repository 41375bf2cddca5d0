package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.Execution;
import io.hypermesh.protocol.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks routing for hosts that can run an execution (runtime, resources, privacy capability, the zones both the asset
 * and the client allow, ranked by the client's strategy), and keeps those that are ONLINE here now: routing's matrix
 * learns of a host going OFFLINE a moment later than this service does, and keeps SUSPECT ones, so more candidates than
 * needed are asked for and the best ONLINE ones kept, in routing's order.
 */
@Component
class HostSelection {

    record Host(String id, String zone, double x, double y, double z) {
    }

    record Choice(List<Host> hosts) {
    }

    /** Routing selects at most this many hosts at once. */
    private static final int MAX_CANDIDATES = 64;

    private final JdbcClient jdbc;

    HostSelection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Choice choose(Execution execution, SagaClients clients, int k, Set<String> excluded) {
        AssetSpec asset = AssetSpec.of(execution);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        ObjectNode requirements = request.putObject("requirements");
        requirements.put("runtime", asset.runtime()).put("cpuCores", asset.cpuCores()).put("memoryMb", asset.memoryMb())
                .put("storageMb", asset.storageMb());
        if (asset.gpuModel() != null) {
            requirements.put("gpuModel", asset.gpuModel()).put("gpuMemoryMb", asset.gpuMemoryMb());
        }
        request.put("privacyLevel", asset.privacyFor(execution));
        Set<String> zones = allowedZones(asset.allowedZones(), execution);
        if (zones == null) {
            return new Choice(List.of());
        }
        ArrayNode zoneList = request.putArray("allowedZones");
        zones.forEach(zoneList::add);
        request.putObject("clientCoordinate").put("x", orZero(execution.clientX())).put("y", orZero(execution.clientY()))
                .put("z", orZero(execution.clientZ()));
        // Ask for more than needed: some of routing's best may have just gone SUSPECT or OFFLINE here.
        request.put("k", Math.min(MAX_CANDIDATES, k * 2 + 4));
        ArrayNode exclude = request.putArray("excludedHosts");
        excluded.forEach(exclude::add);
        request.put("strategy", execution.strategy());
        JsonNode answer = clients.routing(bearer -> clients.routingApi().select(bearer, request));
        List<String> ids = new ArrayList<>();
        answer.path("hosts").forEach(host -> ids.add(host.path("hostId").asString()));
        List<Host> online = online(ids);
        return new Choice(online.subList(0, Math.min(k, online.size())));
    }

    /** Both lists narrow the choice; empty means any. Null when they have no zone in common. */
    private static Set<String> allowedZones(List<String> assetZones, Execution execution) {
        List<String> clientZones = new ArrayList<>();
        CanonicalJson.parse(execution.allowedZones()).forEach(zone -> clientZones.add(zone.asString()));
        if (assetZones.isEmpty()) {
            return new LinkedHashSet<>(clientZones);
        }
        if (clientZones.isEmpty()) {
            return new LinkedHashSet<>(assetZones);
        }
        Set<String> both = new LinkedHashSet<>(assetZones);
        both.retainAll(clientZones);
        return both.isEmpty() ? null : both;
    }

    private List<Host> online(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Host> found = jdbc.sql("select id, zone, x, y, z from hosts where id = any(?) and status = 'ONLINE'")
                .param(ids.toArray(String[]::new))
                .query((row, index) -> new Host(row.getString("id"), row.getString("zone"), row.getDouble("x"),
                        row.getDouble("y"), row.getDouble("z")))
                .list();
        // Keep routing's ranking.
        return ids.stream().flatMap(id -> found.stream().filter(host -> host.id().equals(id))).toList();
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
