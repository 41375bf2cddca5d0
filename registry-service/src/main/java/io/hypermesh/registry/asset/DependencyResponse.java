package io.hypermesh.registry.asset;

record DependencyResponse(String assetId, int version) {

    static DependencyResponse of(VersionRef ref) {
        return new DependencyResponse(ref.assetId().toString(), ref.version());
    }
}
