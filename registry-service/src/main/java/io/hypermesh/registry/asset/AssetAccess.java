package io.hypermesh.registry.asset;

import io.hypermesh.service.web.ProblemException;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * What other features of the registry (deployment, usage statistics) may ask of assets: visibility,
 * ownership and existence under the same rules as every read, and keeping the assets projection in step
 * after they change a version row.
 */
@Component
public class AssetAccess {

    private final AssetService assets;
    private final AssetRepository repository;

    AssetAccess(AssetService assets, AssetRepository repository) {
        this.assets = assets;
        this.repository = repository;
    }

    /** The asset's id when the caller may see it; 404 asset-not-found otherwise, as for an asset that does not exist. */
    public UUID requireVisible(String assetId, Jwt caller) {
        return assets.get(assetId, assets.viewer(caller)).id().value();
    }

    /** As {@link #requireVisible}, and 404 version-not-found when the asset has no such version. */
    public UUID requireVisibleVersion(String assetId, int version, Jwt caller) {
        return assets.getVersion(assetId, version, assets.viewer(caller)).id().value();
    }

    /** The asset's id when {@code caller} owns it; 404 when the caller may not see it, 403 when it may but does not own it. */
    public UUID requireOwner(String assetId, Jwt caller) {
        Viewer viewer = assets.viewer(caller);
        Asset asset = assets.get(assetId, viewer);
        if (!asset.isOwnedBy(viewer.identity())) {
            throw new NotAssetOwnerException(asset.id());
        }
        return asset.id().value();
    }

    /** The 404 version-not-found answer for a visible asset without that version. */
    public ProblemException versionNotFound(UUID assetId, int version) {
        return new VersionNotFoundException(new AssetId(assetId), version);
    }

    /** Existence only, whoever owns it: for trusted reporters such as execution-service. */
    public boolean versionExists(UUID assetId, int version) {
        return repository.versionExists(new VersionRef(new AssetId(assetId), version));
    }

    /**
     * Copies the asset's newest version into its assets row (what list and search read); call it in the
     * transaction of every write to an asset_versions row.
     */
    public void refreshProjection(UUID assetId) {
        repository.refreshProjection(new AssetId(assetId));
    }
}
