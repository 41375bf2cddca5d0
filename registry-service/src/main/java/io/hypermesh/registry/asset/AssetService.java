package io.hypermesh.registry.asset;

import io.hypermesh.protocol.Digests;
import io.hypermesh.registry.asset.AssetRepository.DependencyEdge;
import io.hypermesh.registry.asset.AssetRepository.GraphNodeRow;
import io.hypermesh.registry.web.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AssetService {

    /** Deep enough for any real dependency chain; the cycle check walks the whole graph regardless. */
    static final int MAX_GRAPH_DEPTH = 20;

    private final AssetRepository assets;
    private final AssetProperties properties;
    private final Clock clock;

    AssetService(AssetRepository assets, AssetProperties properties, Clock clock) {
        this.assets = assets;
        this.properties = properties;
        this.clock = clock;
    }

    Viewer viewer(Jwt token) {
        String identity = token.getSubject();
        return Viewer.of(identity, token.getClaimAsStringList("roles"), assets.networkOwnersOf(identity));
    }

    /** What {@code client} sees: its own identity, no host role, the networks it belongs to. */
    Viewer viewerFor(String client) {
        return Viewer.of(client, List.of("client"), assets.networkOwnersOf(client));
    }

    /** A DEPLOYED version that {@code client} may see, for execution-service to run it (409 when not DEPLOYED). */
    Asset executableVersion(String id, int version, String client) {
        Asset asset = getVersion(id, version, viewerFor(client));
        if (asset.status() != AssetStatus.DEPLOYED) {
            throw new VersionNotDeployedException(asset.id(), version, asset.status());
        }
        return asset;
    }

    @Transactional
    Asset create(AssetDraftRequest request, Viewer owner) {
        AssetId id = AssetId.generate(clock);
        // A new asset has no dependants yet, so its dependencies cannot close a cycle.
        Asset asset = Asset.draft(id, owner.identity(), contentOf(request, owner), now());
        assets.insertAsset(asset);
        return asset;
    }

    /** The latest version, as {@code viewer} may see it. */
    Asset get(String id, Viewer viewer) {
        return AssetId.parse(id)
                .flatMap(assets::findLatest)
                .filter(viewer::canSee)
                .map(asset -> withVisibleDependencies(asset, viewer))
                .orElseThrow(() -> new AssetNotFoundException(id));
    }

    Asset getVersion(String id, int version, Viewer viewer) {
        AssetId assetId = visibleId(id, viewer);
        return assets.findVersion(assetId, version)
                .map(asset -> withVisibleDependencies(asset, viewer))
                .orElseThrow(() -> new VersionNotFoundException(assetId, version));
    }

    /** A dependency the viewer may not see is left out, so that its id does not leak through its dependant. */
    private Asset withVisibleDependencies(Asset asset, Viewer viewer) {
        AssetContent c = asset.content();
        if (c.dependencies().isEmpty()) {
            return asset;
        }
        Map<AssetId, AssetRepository.AssetAccessRow> access =
                assets.findAccess(c.dependencies().stream().map(VersionRef::assetId).collect(Collectors.toSet()));
        List<VersionRef> visible = c.dependencies().stream()
                .filter(ref -> access.containsKey(ref.assetId())
                        && viewer.canSee(access.get(ref.assetId()).owner(), access.get(ref.assetId()).privacy()))
                .toList();
        AssetContent content = new AssetContent(c.name(), c.description(), c.runtime(), c.code(), c.codeDigest(),
                c.entrypoint(), c.parameters(), c.resources(), c.privacy(), c.allowedZones(), c.tags(), visible);
        return new Asset(asset.id(), asset.owner(), content, asset.version(), asset.status(), asset.revision(),
                asset.deployment(), asset.createdAt(), asset.updatedAt());
    }

    List<VersionSummaryResponse> versions(String id, Viewer viewer) {
        return assets.findVersionSummaries(visibleId(id, viewer));
    }

    @Transactional
    Asset update(String id, AssetDraftRequest request, String ifMatch, Viewer caller) {
        Asset current = owned(get(id, caller), caller);
        if (current.status() != AssetStatus.DRAFT) {
            // Whatever the ETag says: a deployed or retired version never changes.
            throw new AssetNotDraftException(current.id(), current.version(), current.status());
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (!matches(ifMatch, current)) {
            throw new StaleETagException(current.id(), current.etag());
        }
        refuseWhileDeploying(current);
        Asset revised = current.revise(contentOf(request, caller), now());
        refuseCycles(revised);
        if (!assets.updateDraft(revised, current.revision())) {
            // Someone changed, deployed or retired it between our read and our write: tell the caller which.
            Asset latest = assets.findVersion(current.id(), current.version()).orElseThrow(() -> new AssetNotFoundException(id));
            if (latest.status() != AssetStatus.DRAFT) {
                throw new AssetNotDraftException(latest.id(), latest.version(), latest.status());
            }
            throw new StaleETagException(latest.id(), latest.etag());
        }
        assets.refreshProjection(revised.id());
        return revised;
    }

    /** Version n+1 as a draft, from a full body; the latest version must be DEPLOYED or RETIRED. */
    @Transactional
    Asset newVersion(String id, AssetDraftRequest request, Viewer caller) {
        Asset latest = owned(get(id, caller), caller);
        // Nobody can depend on a version that does not exist yet, so no cycle is possible here either.
        Asset next = latest.nextVersion(contentOf(request, caller), now());
        try {
            assets.insertVersion(next);
        } catch (DuplicateKeyException raced) {
            throw new DraftPendingException(next.id(), next.version());
        }
        assets.refreshProjection(next.id());
        return next;
    }

    /** Retiring is idempotent: a retired version answers as it is. */
    @Transactional
    Asset retire(String id, int version, Viewer caller) {
        Asset current = owned(getVersion(id, version, caller), caller);
        if (current.status() == AssetStatus.DRAFT) {
            refuseWhileDeploying(current);
        }
        while (current.status() != AssetStatus.RETIRED) {
            Asset retired = current.retire(now());
            if (assets.retire(retired, current.revision())) {
                assets.refreshProjection(retired.id());
                return retired;
            }
            current = assets.findVersion(current.id(), version).orElseThrow(() -> new AssetNotFoundException(id));
        }
        return current;
    }

    /** The draft a DEPLOYMENT block is being appended for must stay as the block describes it. */
    private void refuseWhileDeploying(Asset draft) {
        if (assets.lockAndCheckDeploying(draft.id(), draft.version())) {
            throw new VersionDeployingException(draft.id(), draft.version());
        }
    }

    /** One page plus the cursor of the next one (null on the last page). */
    AssetPage search(Viewer viewer, AssetSearch search, String after, int limit) {
        checkRanges(search);
        AssetId cursor = null;
        if (after != null && !after.isBlank()) {
            cursor = AssetId.parse(after).orElseThrow(() ->
                    new InvalidFieldException("after", "must be the 'next' cursor of a previous page"));
        }
        // One row more than asked tells whether another page exists without a count query.
        List<AssetSummaryResponse> rows = assets.search(viewer, search, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<AssetSummaryResponse> page = more ? rows.subList(0, limit) : rows;
        String next = more ? page.get(page.size() - 1).id() : null;
        return new AssetPage(page, next);
    }

    /**
     * The versions {@code id@version} depends on, directly (depth 1) and transitively up to
     * {@code maxDepth}. A version the caller may not see is left out, with whatever is reached only through it.
     */
    DependencyGraphResponse graph(String id, int version, int maxDepth, Viewer viewer) {
        VersionRef root = getVersion(id, version, viewer).ref();
        List<DependencyEdge> edges = assets.edgesReachableFrom(List.of(root), maxDepth);
        Map<VersionRef, GraphNodeRow> rows = assets.graphNodes(edges.stream().map(DependencyEdge::to).collect(Collectors.toSet()));
        Map<VersionRef, List<VersionRef>> out = adjacency(edges);
        Map<VersionRef, Integer> depths = new LinkedHashMap<>();
        List<DependencyGraphResponse.Edge> shownEdges = new ArrayList<>();
        Deque<VersionRef> queue = new ArrayDeque<>(List.of(root));
        depths.put(root, 0);
        while (!queue.isEmpty()) {
            VersionRef from = queue.removeFirst();
            int depth = depths.get(from);
            if (depth == maxDepth) {
                continue;
            }
            for (VersionRef to : out.getOrDefault(from, List.of())) {
                GraphNodeRow node = rows.get(to);
                if (node == null || !viewer.canSee(node.owner(), node.privacy())) {
                    continue;
                }
                shownEdges.add(new DependencyGraphResponse.Edge(DependencyResponse.of(from), DependencyResponse.of(to)));
                if (!depths.containsKey(to)) {
                    depths.put(to, depth + 1);
                    queue.addLast(to);
                }
            }
        }
        List<DependencyGraphResponse.Node> nodes = depths.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(root))
                .map(entry -> {
                    GraphNodeRow node = rows.get(entry.getKey());
                    return new DependencyGraphResponse.Node(entry.getKey().assetId().toString(), entry.getKey().version(),
                            node.name(), node.status(), entry.getValue());
                })
                .toList();
        return new DependencyGraphResponse(DependencyResponse.of(root), maxDepth, nodes, shownEdges);
    }

    private void refuseCycles(Asset draft) {
        List<VersionRef> dependencies = draft.content().dependencies();
        if (dependencies.isEmpty()) {
            return;
        }
        assets.lockDependencyGraph();
        VersionRef self = draft.ref();
        Map<VersionRef, List<VersionRef>> out = adjacency(assets.edgesReachableFrom(dependencies, Integer.MAX_VALUE));
        out.put(self, dependencies); // the edges this edit would write
        pathBack(self, out).ifPresent(cycle -> {
            throw new DependencyCycleException(cycle);
        });
    }

    /** A shortest path self -> ... -> self over {@code out}, if there is one (breadth first). */
    private static Optional<List<VersionRef>> pathBack(VersionRef self, Map<VersionRef, List<VersionRef>> out) {
        Map<VersionRef, VersionRef> cameFrom = new HashMap<>();
        Deque<VersionRef> queue = new ArrayDeque<>(List.of(self));
        while (!queue.isEmpty()) {
            VersionRef from = queue.removeFirst();
            for (VersionRef to : out.getOrDefault(from, List.of())) {
                if (to.equals(self)) {
                    List<VersionRef> path = new ArrayList<>(List.of(self));
                    for (VersionRef step = from; !step.equals(self); step = cameFrom.get(step)) {
                        path.add(1, step);
                    }
                    path.add(self);
                    return Optional.of(path);
                }
                if (!cameFrom.containsKey(to)) {
                    cameFrom.put(to, from);
                    queue.addLast(to);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<VersionRef, List<VersionRef>> adjacency(List<DependencyEdge> edges) {
        Map<VersionRef, List<VersionRef>> out = new HashMap<>();
        for (DependencyEdge edge : edges) {
            out.computeIfAbsent(edge.from(), key -> new ArrayList<>()).add(edge.to());
        }
        return out;
    }

    private AssetId visibleId(String id, Viewer viewer) {
        return AssetId.parse(id)
                .flatMap(assets::findAccess)
                .filter(access -> viewer.canSee(access.owner(), access.privacy()))
                .map(AssetRepository.AssetAccessRow::id)
                .orElseThrow(() -> new AssetNotFoundException(id));
    }

    private static Asset owned(Asset asset, Viewer caller) {
        if (!asset.isOwnedBy(caller.identity())) {
            throw new NotAssetOwnerException(asset.id());
        }
        return asset;
    }

    private void checkRanges(AssetSearch search) {
        if (search.cpuCoresMin() != null && search.cpuCoresMax() != null && search.cpuCoresMin() > search.cpuCoresMax()) {
            throw new InvalidFieldException("cpuCoresMax", "must not be less than cpuCoresMin");
        }
        if (search.memoryMbMin() != null && search.memoryMbMax() != null && search.memoryMbMin() > search.memoryMbMax()) {
            throw new InvalidFieldException("memoryMbMax", "must not be less than memoryMbMin");
        }
        if (Boolean.FALSE.equals(search.gpu()) && search.gpuMemoryMbMin() != null) {
            throw new InvalidFieldException("gpuMemoryMbMin", "must be absent when gpu=false");
        }
        if (search.text() != null && !assets.hasSearchableWords(search.text())) {
            throw new InvalidFieldException("q", "must contain at least one word that is not a stop word");
        }
    }

    private AssetContent contentOf(AssetDraftRequest request, Viewer owner) {
        byte[] code = request.code().getBytes(StandardCharsets.UTF_8);
        long limit = properties.maxCodeSize().toBytes();
        if (code.length > limit) {
            throw new CodeTooLargeException(code.length, limit);
        }
        if (request.parameters() != null && !request.parameters().isNull() && !request.parameters().isObject()) {
            throw new InvalidFieldException("parameters", "must be a JSON Schema, which is a JSON object");
        }
        if (request.parameters() != null && !StorableText.isStorable(request.parameters())) {
            throw new InvalidFieldException("parameters", StorableText.MESSAGE);
        }
        return new AssetContent(
                request.name(),
                request.description(),
                request.runtime(),
                request.code(),
                Digests.sha256Hex(code),
                request.entrypoint(),
                request.parameters() == null || request.parameters().isNull() ? null : request.parameters(),
                request.resources().normalized(),
                PrivacyLevel.valueOf(request.privacy()),
                distinct(request.allowedZones()),
                distinct(request.tags()),
                dependenciesOf(request, owner));
    }

    /** Each dependency must be an existing version the owner may see; duplicates are dropped. */
    private List<VersionRef> dependenciesOf(AssetDraftRequest request, Viewer owner) {
        if (request.dependencies() == null) {
            return List.of();
        }
        Set<VersionRef> refs = new LinkedHashSet<>();
        for (int i = 0; i < request.dependencies().size(); i++) {
            DependencyRequest dependency = request.dependencies().get(i);
            AssetId assetId = AssetId.parse(dependency.assetId()).orElseThrow();
            VersionRef ref = new VersionRef(assetId, dependency.version());
            boolean visible = assets.findAccess(assetId)
                    .filter(access -> owner.canSee(access.owner(), access.privacy()))
                    .isPresent();
            if (!visible || !assets.versionExists(ref)) {
                throw new DependencyNotFoundException("dependencies[" + i + "]", ref);
            }
            refs.add(ref);
        }
        return List.copyOf(refs);
    }

    /** RFC 9110 If-Match: "*" or a list of strong ETags; a weak ETag never matches. */
    private static boolean matches(String ifMatch, Asset current) {
        if (ifMatch.trim().equals("*")) {
            return true;
        }
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(current.etag())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating here makes the returned and the re-read value equal.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
