package io.hypermesh.registry.usage;

import io.hypermesh.registry.asset.AssetAccess;
import io.hypermesh.registry.usage.UsageRepository.StoredExecution;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UsageService {

    private final UsageRepository usage;
    private final AssetAccess assets;
    private final Clock clock;

    UsageService(UsageRepository usage, AssetAccess assets, Clock clock) {
        this.usage = usage;
        this.assets = assets;
        this.clock = clock;
    }

    /**
     * Records one execution and adds it to its version's totals in the same transaction, once per
     * execution id: true when it was new, false for a repeat of the same report.
     */
    @Transactional
    boolean report(ExecutionReportRequest report) {
        UUID assetId = UUID.fromString(report.assetId());
        if (!assets.versionExists(assetId, report.version())) {
            throw new UnknownAssetVersionException(report.assetId(), report.version());
        }
        boolean fresh = usage.insertExecution(report.executionId(), assetId, report.version(), report.success(),
                report.durationMs(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (fresh) {
            usage.addToTotals(assetId, report.version(), report.success(), report.durationMs());
            return true;
        }
        StoredExecution stored = usage.findExecution(report.executionId()).orElseThrow();
        if (!stored.equals(new StoredExecution(assetId, report.version(), report.success(), report.durationMs()))) {
            throw new ExecutionReportConflictException(report.executionId());
        }
        return false;
    }

    UsageResponse ofAsset(String assetId, Jwt caller) {
        UUID id = assets.requireVisible(assetId, caller);
        List<UsageTotals> perVersion = usage.totals(id);
        List<UsageResponse> versions = perVersion.stream()
                .map(totals -> UsageResponse.of(id.toString(), totals.version(), totals, List.of()))
                .toList();
        return UsageResponse.of(id.toString(), null, UsageTotals.sum(perVersion), versions);
    }

    UsageResponse ofVersion(String assetId, int version, Jwt caller) {
        UUID id = assets.requireVisibleVersion(assetId, version, caller);
        UsageTotals totals = usage.totals(id).stream().filter(t -> t.version() == version).findFirst()
                .orElse(new UsageTotals(version, 0, 0, 0));
        return UsageResponse.of(id.toString(), version, totals, List.of());
    }
}
