package io.hypermesh.routing.matrix;

import java.util.ArrayList;
import java.util.Arrays;
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
 * hosts in space, load and reputation; which runtimes, zones, GPU models and privacy levels occur in it (bit masks);
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
    private final Map<String, Entry> entries = new HashMap<>();
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
            entries.clear();
            all.forEach(host -> {
                hosts.put(host.id(), host);
                entries.put(host.id(), entryOf(host));
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
            Entry entry = entryOf(host);
            entries.put(host.id(), entry);
            for (Tree tree : trees.values()) {
                if (current == null) {
                    tree.attach(entry);
                } else {
                    tree.replaceInLeaf(entry);
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
                entries.remove(hostId);
                trees.values().forEach(tree -> tree.detach(hostId));
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

    private Entry entryOf(HostProfile host) {
        long runtimeBits = 0;
        for (String runtime : host.runtimes()) {
            runtimeBits |= Vocabulary.bit(runtimes.idOf(runtime));
        }
        long gpuBit = host.gpuModel() == null ? 0 : Vocabulary.bit(gpuModels.idOf(host.gpuModel()));
        return new Entry(host, host.x(), host.y(), host.z(), host.loadPermille(), host.reputation(), host.cpuCores(),
                host.memoryMb(), host.storageMb(), host.gpuMemoryMb(), host.privacyLevels(), runtimeBits,
                Vocabulary.bit(zones.idOf(host.zone())), gpuBit);
    }

    /**
     * A host as the trees hold it: the numbers and bit masks the search compares, in one compact object,
     * so scanning a leaf does not chase the profile's sets and strings. Bit masks are exact for the first
     * 63 distinct runtimes, zones and GPU models; later ones share the top bit, and the search then
     * confirms a candidate against the profile itself.
     */
    private record Entry(HostProfile host, double x, double y, double z, int load, int reputation, int cpuCores,
                         long memoryMb, long storageMb, long gpuMemoryMb, int privacyLevels, long runtimeBits,
                         long zoneBit, long gpuBit) {

        String id() {
            return host.id();
        }

        Entry copy() {
            return new Entry(host, x, y, z, load, reputation, cpuCores, memoryMb, storageMb, gpuMemoryMb, privacyLevels,
                    runtimeBits, zoneBit, gpuBit);
        }

        double coordinate(int axis) {
            return switch (axis) {
                case 0 -> x;
                case 1 -> y;
                case 2 -> z;
                case 3 -> load;
                default -> reputation;
            };
        }
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
            root = build(null, new ArrayList<>(entries.values()));
            writesSinceBuild = 0;
        }

        /**
         * A changed profile replaces the old one in its leaf; the summaries are recomputed from what the
         * leaf holds, so answers stay exact, and the tree only loses some tightness until its next rebuild.
         */
        void replaceInLeaf(Entry entry) {
            Node leaf = leafOf.get(entry.id());
            leaf.entries.replaceAll(member -> member.id().equals(entry.id()) ? entry : member);
            summariseUpwards(leaf);
            afterWrite();
        }

        void attach(Entry entry) {
            Node node = root;
            while (!node.isLeaf()) {
                node = entry.coordinate(node.axis) < node.split ? node.left : node.right;
            }
            node.entries.add(entry);
            leafOf.put(entry.id(), node);
            if (node.entries.size() > 2 * LEAF_SIZE) {
                Node subtree = build(node.parent, node.entries);
                replace(node, subtree);
                summariseUpwards(subtree.parent);
            } else {
                summariseUpwards(node);
            }
            afterWrite();
        }

        void detach(String hostId) {
            Node leaf = leafOf.remove(hostId);
            leaf.entries.removeIf(member -> member.id().equals(hostId));
            summariseUpwards(leaf);
            afterWrite();
        }

        private void afterWrite() {
            if (++writesSinceBuild > Math.max(1024, hosts.size())) {
                build();
            }
        }

        private Node build(Node parent, List<Entry> members) {
            if (members.size() <= LEAF_SIZE) {
                return leaf(parent, members);
            }
            int axis = widestAxis(members);
            members.sort(Comparator.comparingDouble(entry -> entry.coordinate(axis)));
            int middle = members.size() / 2;
            Node node = new Node(parent);
            node.axis = axis;
            node.split = members.get(middle).coordinate(axis);
            node.left = build(node, new ArrayList<>(members.subList(0, middle)));
            node.right = build(node, new ArrayList<>(members.subList(middle, members.size())));
            summarise(node);
            return node;
        }

        private Node leaf(Node parent, List<Entry> members) {
            Node leaf = new Node(parent);
            // Fresh copies, allocated leaf by leaf: a leaf's hosts then sit side by side in memory.
            members.replaceAll(Entry::copy);
            leaf.entries = members;
            members.forEach(entry -> leafOf.put(entry.id(), leaf));
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
                for (Entry entry : node.entries) {
                    node.add(entry);
                }
            } else {
                node.merge(node.left);
                node.merge(node.right);
            }
        }

        private int widestAxis(List<Entry> members) {
            double[] min = new double[AXES];
            double[] max = new double[AXES];
            Arrays.fill(min, Double.MAX_VALUE);
            Arrays.fill(max, -Double.MAX_VALUE);
            for (Entry entry : members) {
                for (int axis = 0; axis < AXES; axis++) {
                    double value = entry.coordinate(axis);
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
        private final long runtimeBit;
        private final long gpuBit;
        private final long zoneBits;
        private final int privacyBit;
        private final boolean satisfiable;
        private final boolean masksAreExact;

        Query(Requirements requirements, double cx, double cy, double cz, Strategy strategy, int k) {
            this.requirements = requirements;
            this.cx = cx;
            this.cy = cy;
            this.cz = cz;
            this.strategy = strategy;
            this.k = k;
            this.privacyBit = requirements.privacyLevel().bit();
            int runtimeId = runtimes.find(requirements.runtime());
            int gpuId = requirements.gpuModel() == null ? -1 : gpuModels.find(requirements.gpuModel());
            long allowed = 0;
            for (String zone : requirements.allowedZones()) {
                int id = zones.find(zone);
                if (id >= 0) {
                    allowed |= Vocabulary.bit(id);
                }
            }
            this.runtimeBit = runtimeId < 0 ? 0 : Vocabulary.bit(runtimeId);
            this.gpuBit = gpuId < 0 ? 0 : Vocabulary.bit(gpuId);
            this.zoneBits = allowed;
            this.satisfiable = runtimeId >= 0 && (requirements.gpuModel() == null || gpuId >= 0)
                    && (requirements.allowedZones().isEmpty() || allowed != 0);
            // Exclusions are not in the masks, and words past the 63rd share a bit.
            this.masksAreExact = requirements.excludedHosts().isEmpty() && runtimeBit != Vocabulary.SHARED_BIT
                    && gpuBit != Vocabulary.SHARED_BIT && (allowed & Vocabulary.SHARED_BIT) == 0;
        }

        boolean isSatisfiable() {
            return satisfiable;
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
                    for (Entry entry : node.entries) {
                        // The masks decide alone when they are exact; otherwise the profile has the final word.
                        if (mayQualify(entry) && (masksAreExact || requirements.admits(entry.host()))) {
                            best.add(rank(entry));
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

        private RankedHost rank(Entry entry) {
            double dx = entry.x() - cx;
            double dy = entry.y() - cy;
            double dz = entry.z() - cz;
            double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
            return new RankedHost(entry.host(), distance, strategy.score(distance, entry.load(), entry.reputation()));
        }

        private boolean mayQualify(Entry entry) {
            return (entry.runtimeBits() & runtimeBit) != 0
                    && entry.cpuCores() >= requirements.cpuCores()
                    && entry.memoryMb() >= requirements.memoryMb()
                    && entry.storageMb() >= requirements.storageMb()
                    && entry.gpuMemoryMb() >= requirements.gpuMemoryMb()
                    && (gpuBit == 0 || (entry.gpuBit() & gpuBit) != 0)
                    && (entry.privacyLevels() & privacyBit) != 0
                    && (zoneBits == 0 || (entry.zoneBit() & zoneBits) != 0);
        }

        private boolean mayQualify(Node node) {
            return node.count > 0
                    && (node.runtimes & runtimeBit) != 0
                    && node.maxCpuCores >= requirements.cpuCores()
                    && node.maxMemoryMb >= requirements.memoryMb()
                    && node.maxStorageMb >= requirements.storageMb()
                    && node.maxGpuMemoryMb >= requirements.gpuMemoryMb()
                    && (gpuBit == 0 || (node.gpuModels & gpuBit) != 0)
                    && (node.privacyLevels & privacyBit) != 0
                    && (zoneBits == 0 || (node.zones & zoneBits) != 0);
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
        List<Entry> entries;

        int count;
        double minX;
        double minY;
        double minZ;
        double maxX;
        double maxY;
        double maxZ;
        long runtimes;
        long zones;
        long gpuModels;
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
            return entries != null;
        }

        void reset() {
            count = 0;
            minX = minY = minZ = Double.MAX_VALUE;
            maxX = maxY = maxZ = -Double.MAX_VALUE;
            runtimes = 0;
            zones = 0;
            gpuModels = 0;
            privacyLevels = 0;
            maxCpuCores = -1;
            maxMemoryMb = -1;
            maxStorageMb = -1;
            maxGpuMemoryMb = -1;
            minLoad = Integer.MAX_VALUE;
            maxReputation = Integer.MIN_VALUE;
        }

        void add(Entry entry) {
            count++;
            minX = Math.min(minX, entry.x());
            minY = Math.min(minY, entry.y());
            minZ = Math.min(minZ, entry.z());
            maxX = Math.max(maxX, entry.x());
            maxY = Math.max(maxY, entry.y());
            maxZ = Math.max(maxZ, entry.z());
            runtimes |= entry.runtimeBits();
            zones |= entry.zoneBit();
            gpuModels |= entry.gpuBit();
            privacyLevels |= entry.privacyLevels();
            maxCpuCores = Math.max(maxCpuCores, entry.cpuCores());
            maxMemoryMb = Math.max(maxMemoryMb, entry.memoryMb());
            maxStorageMb = Math.max(maxStorageMb, entry.storageMb());
            maxGpuMemoryMb = Math.max(maxGpuMemoryMb, entry.gpuMemoryMb());
            minLoad = Math.min(minLoad, entry.load());
            maxReputation = Math.max(maxReputation, entry.reputation());
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
            runtimes |= child.runtimes;
            zones |= child.zones;
            gpuModels |= child.gpuModels;
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

        static final long SHARED_BIT = 1L << 63;

        /** The bit of a word in a 64-bit mask; words past the 63rd share the top bit. */
        static long bit(int id) {
            return 1L << Math.min(id, 63);
        }
    }
}
