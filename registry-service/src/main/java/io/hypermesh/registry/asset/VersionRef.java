package io.hypermesh.registry.asset;

/** One exact version of one asset: what a dependency names and what a graph node is. */
record VersionRef(AssetId assetId, int version) {

    @Override
    public String toString() {
        return assetId + "@" + version;
    }
}
