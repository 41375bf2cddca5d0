package io.hypermesh.registry.asset;

/**
 * The filters of the asset list; null means "any", and all given filters must hold. Which
 * combinations are guaranteed fast at a million assets is listed in the README ("Search").
 *
 * @param text free text over name, description and tags (PostgreSQL web-search syntax, English stemming)
 * @param gpu true: needs a GPU; false: needs none
 * @param maxRuntimeSecondsMax only assets whose maximum runtime is at most this
 */
record AssetSearch(
        String text,
        String owner,
        String runtime,
        String tag,
        AssetStatus status,
        PrivacyLevel privacy,
        Integer cpuCoresMin,
        Integer cpuCoresMax,
        Integer memoryMbMin,
        Integer memoryMbMax,
        Boolean gpu,
        Integer gpuMemoryMbMin,
        Integer maxRuntimeSecondsMax) {
}
