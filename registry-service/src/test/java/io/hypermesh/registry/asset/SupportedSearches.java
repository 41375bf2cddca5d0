package io.hypermesh.registry.asset;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter combinations whose speed the registry promises at a million assets (README, "Search"),
 * with values that exist in {@link SearchSeed}'s data: common and rare words and tags, the largest
 * owner and a small one. The plan test checks their plans; bench/registry-search.sh times them.
 */
public final class SupportedSearches {

    /** The identity the searches run as: a small seeded owner that is in the largest owner's network. */
    public static final String VIEWER = SearchSeed.owner(SearchSeed.MEMBER_OF_TEAM_0);

    private static final String LARGEST_OWNER = SearchSeed.owner(0);

    /** Name of the combination → its query string. */
    public static final Map<String, String> ALL = combinations();

    private SupportedSearches() {
    }

    private static Map<String, String> combinations() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("no filter", "");
        all.put("q (common word)", "q=image");
        all.put("q (two words)", "q=resize+images");
        all.put("q (rare words)", "q=deduplicate+genome");
        all.put("q + runtime", "q=invoice&runtime=wasm");
        all.put("tag (common)", "tag=ml");
        all.put("tag (rare)", "tag=lt-7");
        all.put("tag + runtime", "tag=audio&runtime=julia");
        all.put("runtime", "runtime=julia");
        all.put("owner (largest)", "owner=" + LARGEST_OWNER);
        all.put("owner + q", "owner=" + LARGEST_OWNER + "&q=image");
        all.put("owner = me", "owner=" + VIEWER);
        all.put("status", "status=RETIRED");
        all.put("privacy PRIVATE (mine)", "privacy=PRIVATE");
        all.put("privacy PRIVATE_NETWORK", "privacy=PRIVATE_NETWORK");
        all.put("privacy P2P", "privacy=P2P");
        all.put("cpuCoresMin", "cpuCoresMin=16");
        all.put("cpu + memory ranges", "cpuCoresMin=2&cpuCoresMax=4&memoryMbMin=1024&memoryMbMax=4096");
        all.put("gpu", "gpu=true");
        all.put("gpuMemoryMbMin", "gpuMemoryMbMin=80000");
        all.put("maxRuntimeSecondsMax", "maxRuntimeSecondsMax=10");
        all.put("runtime + cpu + gpu", "runtime=python&cpuCoresMin=8&gpu=true");
        return all;
    }

    /** The same filters as the service's controller would build them from the query string. */
    static AssetSearch parse(String query) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : query.isEmpty() ? List.<String>of() : List.of(query.split("&"))) {
            String[] kv = pair.split("=", 2);
            p.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return new AssetSearch(p.get("q"), p.get("owner"), p.get("runtime"), p.get("tag"),
                p.containsKey("status") ? AssetStatus.valueOf(p.get("status")) : null,
                p.containsKey("privacy") ? PrivacyLevel.valueOf(p.get("privacy")) : null,
                integer(p, "cpuCoresMin"), integer(p, "cpuCoresMax"), integer(p, "memoryMbMin"), integer(p, "memoryMbMax"),
                p.containsKey("gpu") ? Boolean.valueOf(p.get("gpu")) : null, integer(p, "gpuMemoryMbMin"),
                integer(p, "maxRuntimeSecondsMax"));
    }

    private static Integer integer(Map<String, String> p, String name) {
        return p.containsKey(name) ? Integer.valueOf(p.get(name)) : null;
    }
}
