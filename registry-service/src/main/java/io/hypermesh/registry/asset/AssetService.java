package io.hypermesh.registry.asset;

import io.hypermesh.protocol.Digests;
import io.hypermesh.registry.web.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;

@Service
class AssetService {

    private final AssetRepository assets;
    private final AssetProperties properties;
    private final Clock clock;

    AssetService(AssetRepository assets, AssetProperties properties, Clock clock) {
        this.assets = assets;
        this.properties = properties;
        this.clock = clock;
    }

    Asset create(AssetDraftRequest request, String owner) {
        Asset asset = Asset.draft(AssetId.generate(clock), owner, contentOf(request), now());
        assets.insert(asset);
        return asset;
    }

    Asset get(String id, String caller) {
        return AssetId.parse(id)
                .flatMap(assets::findById)
                .filter(asset -> asset.isVisibleTo(caller))
                .orElseThrow(() -> new AssetNotFoundException(id));
    }

    Asset update(String id, AssetDraftRequest request, String ifMatch, String caller) {
        Asset current = get(id, caller);
        if (!current.isOwnedBy(caller)) {
            throw new NotAssetOwnerException(current.id());
        }
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        if (!matches(ifMatch, current)) {
            throw new StaleETagException(current.id(), current.etag());
        }
        Asset revised = current.revise(contentOf(request), now());
        if (!assets.updateDraft(revised, current.revision())) {
            // Someone changed or deployed it between our read and our write: tell the caller which.
            Asset latest = assets.findById(current.id()).orElseThrow(() -> new AssetNotFoundException(id));
            if (latest.status() != AssetStatus.DRAFT) {
                throw new AssetNotDraftException(latest.id(), latest.status());
            }
            throw new StaleETagException(latest.id(), latest.etag());
        }
        return revised;
    }

    /** One page plus the cursor of the next one (null on the last page). */
    AssetPage list(String caller, AssetFilter filter, String after, int limit) {
        AssetId cursor = null;
        if (after != null && !after.isBlank()) {
            cursor = AssetId.parse(after).orElseThrow(() ->
                    new InvalidFieldException("after", "must be the 'next' cursor of a previous page"));
        }
        // One row more than asked tells whether another page exists without a count query.
        List<Asset> rows = assets.findVisible(caller, filter, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<Asset> page = more ? rows.subList(0, limit) : rows;
        String next = more ? page.get(page.size() - 1).id().toString() : null;
        return new AssetPage(page.stream().map(AssetSummaryResponse::of).toList(), next);
    }

    private AssetContent contentOf(AssetDraftRequest request) {
        byte[] code = request.code().getBytes(StandardCharsets.UTF_8);
        long limit = properties.maxCodeSize().toBytes();
        if (code.length > limit) {
            throw new CodeTooLargeException(code.length, limit);
        }
        if (request.parameters() != null && !request.parameters().isNull() && !request.parameters().isObject()) {
            throw new InvalidFieldException("parameters", "must be a JSON Schema, which is a JSON object");
        }
        if (request.parameters() != null && !StorableText.isStorable(request.parameters())) {
            throw new InvalidFieldException("parameters", StorableText.MESSAGE);
        }
        return new AssetContent(
                request.name(),
                request.description(),
                request.runtime(),
                request.code(),
                Digests.sha256Hex(code),
                request.entrypoint(),
                request.parameters() == null || request.parameters().isNull() ? null : request.parameters(),
                request.resources().normalized(),
                PrivacyLevel.valueOf(request.privacy()),
                distinct(request.allowedZones()),
                distinct(request.tags()));
    }

    /** RFC 9110 If-Match: "*" or a list of strong ETags; a weak ETag never matches. */
    private static boolean matches(String ifMatch, Asset current) {
        if (ifMatch.trim().equals("*")) {
            return true;
        }
        for (String candidate : ifMatch.split(",")) {
            if (candidate.trim().equals(current.etag())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating here makes the returned and the re-read value equal.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
