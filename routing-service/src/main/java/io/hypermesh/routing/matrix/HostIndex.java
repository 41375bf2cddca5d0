package io.hypermesh.routing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory k-d trees over hosts whose every node also summarises its subtree: the bounding box of its
 * hosts in space, load and reputation; which runtimes, zones, GPU models and privacy levels occur in it;
 * the largest CPU, memory, storage and GPU memory.
 *
 * <p>A selection is a best-first branch-and-bound search: a subtree is opened only if it can hold a host
 * that meets every hard constraint <em>and</em> whose score could beat the k-th best found so far (distance
 * to the box, lowest load and highest reputation bound any strategy's score from below). There is one tree
 * per strategy, each splitting on the axes — x, y, z, load, reputation — in proportion to how much they
 * weigh in that strategy's score, so that its bounds are tight and the search touches O(log n + k) nodes.
 *
 * <p>Writes replace a host in its leaf and refresh the summaries on the path to the root; new hosts
 * descend to a leaf, which splits past twice its size. After as many writes as there are hosts, a tree is
 * rebuilt balanced (median splits), so a write costs O(log n) amortised. See docs/routing.md.
 */
public final class HostIndex {

    static final int LEAF_SIZE = 16;
    /** x, y, z, load, reputation. */
    private static final int AXES = 5;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, HostProfile> hosts = new HashMap<>();
    private final Vocabulary runtimes = new Vocabulary();
    private final Vocabulary zones = new Vocabulary();
    private final Vocabulary gpuModels = new Vocabulary();
    private final Map<Strategy, Tree> trees = new EnumMap<>(Strategy.class);

    public HostIndex() {
        for (Strategy strategy : Strategy.values()) {
            trees.put(strategy, new Tree(strategy));
        }
    }

    /** Replaces the whole content, e.g. when the service starts and loads the table. */
    public void rebuild(Collection<HostProfile> all) {
        lock.writeLock().lock();
        try {
            hosts.clear();
            all.forEach(host -> {
                hosts.put(host.id(), host);
                intern(host);
            });
            trees.values().forEach(Tree::build);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds a host or replaces an older profile of it; an out-of-date profile (lower version) is ignored. */
    public void upsert(HostProfile host) {
        lock.writeLock().lock();
        try {
            HostProfile current = hosts.get(host.id());
            if (current != null && current.version() >= host.version()) {
                return;
            }
            hosts.put(host.id(), host);
            intern(host);
            for (Tree tree : trees.values()) {
                if (current == null) {
                    tree.attach(host);
                } else {
                    tree.replaceInLeaf(host);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a host unless the index already holds a newer profile of it (a rejoin seen first). */
    public void remove(String hostId, long version) {
        lock.writeLock().lock();
        try {
            HostProfile current = hosts.get(hostId);
            if (current != null && current.version() < version) {
                hosts.remove(hostId);
                trees.values().forEach(tree -> tree.detach(current));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<HostProfile> get(String hostId) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(hosts.get(hostId));
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return hosts.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Up to {@code k} qualifying hosts, best first; fewer (or none) when fewer qualify. */
    public List<RankedHost> select(Requirements requirements, double cx, double cy, double cz, Strategy strategy, int k) {
        lock.readLock().lock();
        try {
            Query query = new Query(requirements, cx, cy, cz, strategy, k);
            return query.isSatisfiable() ? query.run(trees.get(strategy).root) : List.of();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every host, for the rare path that explains an empty selection. */
    public List<HostProfile> snapshot() {
        lock.readLock().lock();
        try {
            return List.copyOf(hosts.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    int depth(Strategy strategy) {
        lock.readLock().lock();
        try {
            return depth(trees.get(strategy).root);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int depth(Node node) {
        return node.isLeaf() ? 1 : 1 + Math.max(depth(node.left), depth(node.right));
    }

    private void intern(HostProfile host) {
        host.runtimes().forEach(runtimes::idOf);
        zones.idOf(host.zone());
        if (host.gpuModel() != null) {
            gpuModels.idOf(host.gpuModel());
        }
    }

    static double coordinate(HostProfile host, int axis) {
        return switch (axis) {
            case 0 -> host.x();
            case 1 -> host.y();
            case 2 -> host.z();
            case 3 -> host.loadPermille();
            default -> host.reputation();
        };
    }

    // ---- one tree per strategy -------------------------------------------------------------------

    /** A k-d tree whose splits follow one strategy's weights. Callers hold the index's write lock. */
    private final class Tree {
        private final double[] axisScale;
        private final Map<String, Node> leafOf = new HashMap<>();
        private Node root;
        private int writesSinceBuild;

        /**
         * An axis counts by how much its spread can move this strategy's score: 100 ms of distance, or the
         * whole range of load or reputation, times the weight of its term.
         */
        Tree(Strategy strategy) {
            double spatial = strategy.latencyWeight() / 100.0;
            axisScale = new double[] {spatial, spatial, spatial,
                    strategy.loadWeight() / HostProfile.MAX_LOAD, strategy.performanceWeight() / HostProfile.MAX_REPUTATION};
            root = leaf(null, new ArrayList<>());
        }

        void build() {
            leafOf.clear();
            root = build(null, new ArrayList<>(hosts.values()));
            writesSinceBuild = 0;
        }

        /**
         * A changed profile replaces the old one in its leaf; the summaries are recomputed from what the
         * leaf holds, so answers stay exact, and the tree only loses some tightness until its next rebuild.
         */
        void replaceInLeaf(HostProfile host) {
            Node leaf = leafOf.get(host.id());
            leaf.hosts.replaceAll(member -> member.id().equals(host.id()) ? host : member);
            summariseUpwards(leaf);
            afterWrite();
        }

        void attach(HostProfile host) {
            Node node = root;
            while (!node.isLeaf()) {
                node = coordinate(host, node.axis) < node.split ? node.left : node.right;
            }
            node.hosts.add(host);
            leafOf.put(host.id(), node);
            if (node.hosts.size() > 2 * LEAF_SIZE) {
                Node subtree = build(node.parent, node.hosts);
                replace(node, subtree);
                summariseUpwards(subtree.parent);
            } else {
                summariseUpwards(node);
            }
            afterWrite();
        }

        void detach(HostProfile host) {
            Node leaf = leafOf.remove(host.id());
            leaf.hosts.removeIf(member -> member.id().equals(host.id()));
            summariseUpwards(leaf);
            afterWrite();
        }

        private void afterWrite() {
            if (++writesSinceBuild > Math.max(1024, hosts.size())) {
                build();
            }
        }

        private Node build(Node parent, List<HostProfile> members) {
            if (members.size() <= LEAF_SIZE) {
                return leaf(parent, members);
            }
            int axis = widestAxis(members);
            members.sort(Comparator.comparingDouble(host -> coordinate(host, axis)));
            int middle = members.size() / 2;
            Node node = new Node(parent);
            node.axis = axis;
            node.split = coordinate(members.get(middle), axis);
            node.left = build(node, new ArrayList<>(members.subList(0, middle)));
            node.right = build(node, new ArrayList<>(members.subList(middle, members.size())));
            summarise(node);
            return node;
        }

        private Node leaf(Node parent, List<HostProfile> members) {
            Node leaf = new Node(parent);
            leaf.hosts = members;
            members.forEach(host -> leafOf.put(host.id(), leaf));
            summarise(leaf);
            return leaf;
        }

        private void replace(Node old, Node replacement) {
            if (old.parent == null) {
                root = replacement;
            } else if (old.parent.left == old) {
                old.parent.left = replacement;
            } else {
                old.parent.right = replacement;
            }
        }

        private void summariseUpwards(Node node) {
            for (Node current = node; current != null; current = current.parent) {
                summarise(current);
            }
        }

        private void summarise(Node node) {
            node.reset();
            if (node.isLeaf()) {
                for (HostProfile host : node.hosts) {
                    node.add(host, runtimes, zones, gpuModels);
                }
            } else {
                node.merge(node.left);
                node.merge(node.right);
            }
        }

        private int widestAxis(List<HostProfile> members) {
            double[] min = new double[AXES];
            double[] max = new double[AXES];
            Arrays.fill(min, Double.MAX_VALUE);
            Arrays.fill(max, -Double.MAX_VALUE);
            for (HostProfile host : members) {
                for (int axis = 0; axis < AXES; axis++) {
                    double value = coordinate(host, axis);
                    min[axis] = Math.min(min[axis], value);
                    max[axis] = Math.max(max[axis], value);
                }
            }
            int widest = 0;
            for (int axis = 1; axis < AXES; axis++) {
                if ((max[axis] - min[axis]) * axisScale[axis] > (max[widest] - min[widest]) * axisScale[widest]) {
                    widest = axis;
                }
            }
            return widest;
        }
    }

    // ---- reads -------------------------------------------------------------------------------

    private final class Query {
        private final Requirements requirements;
        private final double cx;
        private final double cy;
        private final double cz;
        private final Strategy strategy;
        private final int k;
        private final int runtimeId;
        private final int gpuModelId;
        private final BitSet allowedZones;
        private final int privacyBit;

        Query(Requirements requirements, double cx, double cy, double cz, Strategy strategy, int k) {
            this.requirements = requirements;
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.strategy = strategy;
            this.k = k;
            this.runtimeId = runtimes.find(requirements.runtime());
            this.gpuModelId = requirements.gpuModel() == null ? -1 : gpuModels.find(requirements.gpuModel());
            this.privacyBit = requirements.privacyLevel().bit();
            if (requirements.allowedZones().isEmpty()) {
                this.allowedZones = null;
            } else {
                this.allowedZones = new BitSet();
                requirements.allowedZones().forEach(zone -> {
                    int id = zones.find(zone);
                    if (id >= 0) {
                        allowedZones.set(id);
                    }
                });
            }
        }

        boolean isSatisfiable() {
            return runtimeId >= 0 && (requirements.gpuModel() == null || gpuModelId >= 0)
                    && (allowedZones == null || !allowedZones.isEmpty());
        }

        List<RankedHost> run(Node start) {
            PriorityQueue<RankedHost> best = new PriorityQueue<>(k + 1, Comparator.reverseOrder());
            PriorityQueue<Frontier> frontier = new PriorityQueue<>(Comparator.comparingDouble(Frontier::bound));
            if (mayQualify(start)) {
                frontier.add(new Frontier(start, bound(start)));
            }
            while (!frontier.isEmpty()) {
                Frontier next = frontier.poll();
                // Bounds only grow along the queue: once one cannot beat the k-th best, none can.
                if (best.size() == k && next.bound() > best.peek().score()) {
                    break;
                }
                Node node = next.node();
                if (node.isLeaf()) {
                    for (HostProfile host : node.hosts) {
                        if (requirements.admits(host)) {
                            best.add(RankedHost.of(host, cx, cy, cz, strategy));
                            if (best.size() > k) {
                                best.poll();
                            }
                        }
                    }
                } else {
                    for (Node child : new Node[] {node.left, node.right}) {
                        if (mayQualify(child)) {
                            frontier.add(new Frontier(child, bound(child)));
                        }
                    }
                }
            }
            List<RankedHost> ranked = new ArrayList<>(best);
            ranked.sort(null);
            return ranked;
        }

        private boolean mayQualify(Node node) {
            return node.count > 0
                    && node.runtimes.get(runtimeId)
                    && node.maxCpuCores >= requirements.cpuCores()
                    && node.maxMemoryMb >= requirements.memoryMb()
                    && node.maxStorageMb >= requirements.storageMb()
                    && node.maxGpuMemoryMb >= requirements.gpuMemoryMb()
                    && (gpuModelId < 0 || node.gpuModels.get(gpuModelId))
                    && (node.privacyLevels & privacyBit) != 0
                    && (allowedZones == null || node.zones.intersects(allowedZones));
        }

        private double bound(Node node) {
            double dx = gap(cx, node.minX, node.maxX);
            double dy = gap(cy, node.minY, node.maxY);
            double dz = gap(cz, node.minZ, node.maxZ);
            return strategy.score(Math.sqrt(dx * dx + dy * dy + dz * dz), node.minLoad, node.maxReputation);
        }

        private static double gap(double value, double min, double max) {
            return value < min ? min - value : value > max ? value - max : 0.0;
        }
    }

    private record Frontier(Node node, double bound) {
    }

    /** A k-d tree node with the summary of its subtree. */
    private static final class Node {
        Node parent;
        Node left;
        Node right;
        int axis;
        double split;
        List<HostProfile> hosts;

        int count;
        double minX;
        double minY;
        double minZ;
        double maxX;
        double maxY;
        double maxZ;
        final BitSet runtimes = new BitSet();
        final BitSet zones = new BitSet();
        final BitSet gpuModels = new BitSet();
        int privacyLevels;
        int maxCpuCores;
        long maxMemoryMb;
        long maxStorageMb;
        long maxGpuMemoryMb;
        int minLoad;
        int maxReputation;

        Node(Node parent) {
            this.parent = parent;
        }

        boolean isLeaf() {
            return hosts != null;
        }

        void reset() {
            count = 0;
            minX = minY = minZ = Double.MAX_VALUE;
            maxX = maxY = maxZ = -Double.MAX_VALUE;
            runtimes.clear();
            zones.clear();
            gpuModels.clear();
            privacyLevels = 0;
            maxCpuCores = -1;
            maxMemoryMb = -1;
            maxStorageMb = -1;
            maxGpuMemoryMb = -1;
            minLoad = Integer.MAX_VALUE;
            maxReputation = Integer.MIN_VALUE;
        }

        void add(HostProfile host, Vocabulary runtimeWords, Vocabulary zoneWords, Vocabulary gpuWords) {
            count++;
            minX = Math.min(minX, host.x());
            minY = Math.min(minY, host.y());
            minZ = Math.min(minZ, host.z());
            maxX = Math.max(maxX, host.x());
            maxY = Math.max(maxY, host.y());
            maxZ = Math.max(maxZ, host.z());
            host.runtimes().forEach(runtime -> runtimes.set(runtimeWords.find(runtime)));
            zones.set(zoneWords.find(host.zone()));
            if (host.gpuModel() != null) {
                gpuModels.set(gpuWords.find(host.gpuModel()));
            }
            privacyLevels |= host.privacyLevels();
            maxCpuCores = Math.max(maxCpuCores, host.cpuCores());
            maxMemoryMb = Math.max(maxMemoryMb, host.memoryMb());
            maxStorageMb = Math.max(maxStorageMb, host.storageMb());
            maxGpuMemoryMb = Math.max(maxGpuMemoryMb, host.gpuMemoryMb());
            minLoad = Math.min(minLoad, host.loadPermille());
            maxReputation = Math.max(maxReputation, host.reputation());
        }

        void merge(Node child) {
            if (child.count == 0) {
                return;
            }
            count += child.count;
            minX = Math.min(minX, child.minX);
            minY = Math.min(minY, child.minY);
            minZ = Math.min(minZ, child.minZ);
            maxX = Math.max(maxX, child.maxX);
            maxY = Math.max(maxY, child.maxY);
            maxZ = Math.max(maxZ, child.maxZ);
            runtimes.or(child.runtimes);
            zones.or(child.zones);
            gpuModels.or(child.gpuModels);
            privacyLevels |= child.privacyLevels;
            maxCpuCores = Math.max(maxCpuCores, child.maxCpuCores);
            maxMemoryMb = Math.max(maxMemoryMb, child.maxMemoryMb);
            maxStorageMb = Math.max(maxStorageMb, child.maxStorageMb);
            maxGpuMemoryMb = Math.max(maxGpuMemoryMb, child.maxGpuMemoryMb);
            minLoad = Math.min(minLoad, child.minLoad);
            maxReputation = Math.max(maxReputation, child.maxReputation);
        }
    }

    /** Gives each distinct runtime, zone or GPU model name a small number, for bit sets. */
    private static final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();

        int idOf(String word) {
            return ids.computeIfAbsent(word, unused -> ids.size());
        }

        int find(String word) {
            Integer id = ids.get(word);
            return id == null ? -1 : id;
        }
    }
}
