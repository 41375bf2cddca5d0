package io.hypermesh.registry.asset;

/** The optional filters of the asset list; null means "any". */
record AssetFilter(String owner, String runtime, String tag, AssetStatus status) {
}
