package io.hypermesh.registry.asset;

import java.time.Instant;

/**
 * A compute asset. {@code revision} grows with every change and is the ETag, so a client that
 * read an older state cannot overwrite a newer one.
 */
record Asset(
        AssetId id,
        String owner,
        AssetContent content,
        int version,
        AssetStatus status,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static Asset draft(AssetId id, String owner, AssetContent content, Instant now) {
        return new Asset(id, owner, content, 1, AssetStatus.DRAFT, 1, now, now);
    }

    boolean isOwnedBy(String identity) {
        return owner.equals(identity);
    }

    /** Existence itself is hidden from those who may not see an asset. */
    boolean isVisibleTo(String identity) {
        return isOwnedBy(identity) || content.privacy().visibleToAnySignedInIdentity();
    }

    String etag() {
        return "\"" + revision + "\"";
    }

    /** The edited draft; only drafts change in place, a deployed version is immutable. */
    Asset revise(AssetContent newContent, Instant now) {
        if (status != AssetStatus.DRAFT) {
            throw new AssetNotDraftException(id, status);
        }
        return new Asset(id, owner, newContent, version, status, revision + 1, createdAt, now);
    }
}
