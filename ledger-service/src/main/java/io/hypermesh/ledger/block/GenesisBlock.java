package io.hypermesh.ledger.block;

import io.hypermesh.ledger.config.LedgerProperties;
import io.hypermesh.protocol.BlockHeader;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates block 0 on the first start of the first instance, before the service takes requests. Two
 * instances starting together both try; the primary key lets exactly one insert win and the other's
 * attempt is a no-op, so there is never a second genesis.
 */
@Component
class GenesisBlock implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(GenesisBlock.class);

    private final BlockRepository blocks;
    private final LedgerProperties properties;
    private final Clock clock;

    GenesisBlock(BlockRepository blocks, LedgerProperties properties, Clock clock) {
        this.blocks = blocks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        Block genesis = create(properties.chainId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (blocks.insertGenesis(genesis)) {
            log.info("Created the genesis block of chain '{}': {}", properties.chainId(), genesis.hash());
        }
    }

    static Block create(String chainId, Instant timestamp) {
        String payload = CanonicalJson.canonicalString(CanonicalJson.tree(
                Map.of("chain", chainId, "message", "HyperMesh Compute genesis")));
        String payloadDigest = Digests.sha256Hex(payload.getBytes(StandardCharsets.UTF_8));
        BlockHeader header = new BlockHeader(0, BlockHeader.ZERO_HASH, BlockHeader.GENESIS, payloadDigest,
                BlockHeader.ZERO_HASH, BlockHeader.GENESIS_AUTHOR, timestamp);
        return new Block(0, header.previousHash(), header.type(), payload, payloadDigest, null, header.proofDigest(),
                null, header.author(), timestamp, header.hash(), BlockSubjects.of(payload));
    }
}
