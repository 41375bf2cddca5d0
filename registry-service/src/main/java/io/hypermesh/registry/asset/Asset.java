package io.hypermesh.registry.asset;

import java.time.Instant;

/**
 * A compute asset at one of its versions. Only a DRAFT changes in place; {@code revision} grows with
 * every change of this version, and version plus revision make the ETag, so a client that read an older
 * state cannot overwrite a newer one. DEPLOYED and RETIRED versions are immutable; a change to them is
 * a new version.
 */
record Asset(
        AssetId id,
        String owner,
        AssetContent content,
        int version,
        AssetStatus status,
        long revision,
        Deployment deployment,
        Instant createdAt,
        Instant updatedAt) {

    static Asset draft(AssetId id, String owner, AssetContent content, Instant now) {
        return new Asset(id, owner, content, 1, AssetStatus.DRAFT, 1, null, now, now);
    }

    boolean isOwnedBy(String identity) {
        return owner.equals(identity);
    }

    String etag() {
        return "\"" + version + "." + revision + "\"";
    }

    /** The edited draft; only drafts change in place. */
    Asset revise(AssetContent newContent, Instant now) {
        if (status != AssetStatus.DRAFT) {
            throw new AssetNotDraftException(id, version, status);
        }
        return new Asset(id, owner, newContent, version, status, revision + 1, null, createdAt, now);
    }

    /** Version n+1 as a draft; while this version is still a draft, edit it instead. */
    Asset nextVersion(AssetContent newContent, Instant now) {
        if (status == AssetStatus.DRAFT) {
            throw new DraftPendingException(id, version);
        }
        return new Asset(id, owner, newContent, version + 1, AssetStatus.DRAFT, 1, null, now, now);
    }

    Asset retire(Instant now) {
        return new Asset(id, owner, content, version, AssetStatus.RETIRED, revision + 1, deployment, createdAt, now);
    }

    VersionRef ref() {
        return new VersionRef(id, version);
    }
}
