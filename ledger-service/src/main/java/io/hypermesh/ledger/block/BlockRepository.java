package io.hypermesh.ledger.block;

import io.hypermesh.protocol.CanonicalJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BlockRepository {

    /** The advisory lock every append takes: one writer at a time across all ledger-service instances. */
    private static final long APPEND_LOCK = 0x4c45444745520001L; // "LEDGER" + 1

    private final JdbcClient jdbc;

    BlockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts GENESIS unless a block 0 exists; true when this call created it (two instances may race). */
    boolean insertGenesis(Block genesis) {
        return jdbc.sql("""
                        insert into blocks (height, parent_height, previous_hash, type, payload, payload_digest, proof,
                                            proof_digest, binding_digest, author, created_at, hash, subjects)
                        values (0, null, :previousHash, :type, :payload, :payloadDigest, null, :proofDigest, null,
                                :author, :createdAt, :hash, array(select jsonb_array_elements_text(cast(:subjects as jsonb))))
                        on conflict do nothing""")
                .param("previousHash", genesis.previousHash())
                .param("type", genesis.type())
                .param("payload", genesis.payload())
                .param("payloadDigest", genesis.payloadDigest())
                .param("proofDigest", genesis.proofDigest())
                .param("author", genesis.author())
                .param("createdAt", Timestamp.from(genesis.timestamp()))
                .param("hash", genesis.hash())
                .param("subjects", subjectsJson(genesis.subjects()))
                .update() == 1;
    }

    /** Waits for the append lock; it is released when the surrounding transaction ends. */
    void lockAppends() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query((row, n) -> 1).single();
    }

    void insert(Block block) {
        jdbc.sql("""
                        insert into blocks (height, parent_height, previous_hash, type, payload, payload_digest, proof,
                                            proof_digest, binding_digest, author, created_at, hash, subjects)
                        values (:height, :parentHeight, :previousHash, :type, :payload, :payloadDigest, :proof,
                                :proofDigest, :bindingDigest, :author, :createdAt, :hash,
                                array(select jsonb_array_elements_text(cast(:subjects as jsonb))))""")
                .param("height", block.height())
                .param("parentHeight", block.height() - 1)
                .param("previousHash", block.previousHash())
                .param("type", block.type())
                .param("payload", block.payload())
                .param("payloadDigest", block.payloadDigest())
                .param("proof", block.proof())
                .param("proofDigest", block.proofDigest())
                .param("bindingDigest", block.bindingDigest())
                .param("author", block.author())
                .param("createdAt", Timestamp.from(block.timestamp()))
                .param("hash", block.hash())
                .param("subjects", subjectsJson(block.subjects()))
                .update();
    }

    Optional<Block> head() {
        return jdbc.sql("select * from blocks order by height desc limit 1").query(BlockRepository::map).optional();
    }

    Optional<Block> findByHeight(long height) {
        return jdbc.sql("select * from blocks where height = :height").param("height", height).query(BlockRepository::map).optional();
    }

    Optional<Block> findByHash(String hash) {
        return jdbc.sql("select * from blocks where hash = :hash").param("hash", hash).query(BlockRepository::map).optional();
    }

    boolean bindingUsed(String bindingDigest) {
        return jdbc.sql("select exists (select 1 from blocks where binding_digest = :digest)")
                .param("digest", bindingDigest).query(Boolean.class).single();
    }

    /**
     * Blocks above {@code afterHeight} in height order, optionally of one type, one author, about one subject
     * and appended in {@code [from, to)}.
     */
    List<Block> list(BlockFilter filter, long afterHeight, int limit) {
        return jdbc.sql("""
                        select * from blocks
                        where height > :afterHeight
                          and (cast(:type as text) is null or type = :type)
                          and (cast(:author as text) is null or author = :author)
                          and (cast(:subject as text) is null or subjects @> array[cast(:subject as text)])
                          and (cast(:from as timestamptz) is null or created_at >= :from)
                          and (cast(:to as timestamptz) is null or created_at < :to)
                        order by height
                        limit :limit""")
                .param("afterHeight", afterHeight)
                .param("type", filter.type())
                .param("author", filter.author())
                .param("subject", filter.subject())
                .param("from", filter.from() == null ? null : filter.from().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("to", filter.to() == null ? null : filter.to().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("limit", limit)
                .query(BlockRepository::map)
                .list();
    }

    /** A JSON array of strings, the one array shape a named parameter passes through unexpanded. */
    private static String subjectsJson(List<String> subjects) {
        return CanonicalJson.canonicalString(CanonicalJson.tree(subjects));
    }

    /** Blocks with {@code from <= height <= to}, in height order. */
    List<Block> range(long from, long to) {
        return jdbc.sql("select * from blocks where height between :from and :to order by height")
                .param("from", from)
                .param("to", to)
                .query(BlockRepository::map)
                .list();
    }

    Optional<AppendRecord> findAppend(String caller, String idempotencyKey) {
        return jdbc.sql("""
                        select request_digest, height, block_count from append_requests
                        where caller = :caller and idempotency_key = :key""")
                .param("caller", caller)
                .param("key", idempotencyKey)
                .query((row, n) -> new AppendRecord(row.getString("request_digest"), row.getLong("height"), row.getInt("block_count")))
                .optional();
    }

    void recordAppend(String caller, String idempotencyKey, String requestDigest, long height, int blockCount,
            java.time.Instant at) {
        jdbc.sql("""
                        insert into append_requests (caller, idempotency_key, request_digest, height, block_count, created_at)
                        values (:caller, :key, :digest, :height, :blockCount, :at)""")
                .param("blockCount", blockCount)
                .param("caller", caller)
                .param("key", idempotencyKey)
                .param("digest", requestDigest)
                .param("height", height)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** What a first append under an Idempotency-Key left behind: its first height and how many blocks. */
    record AppendRecord(String requestDigest, long height, int blockCount) {
    }

    private static Block map(ResultSet row, int rowNumber) throws SQLException {
        return new Block(
                row.getLong("height"),
                row.getString("previous_hash"),
                row.getString("type"),
                row.getString("payload"),
                row.getString("payload_digest"),
                row.getString("proof"),
                row.getString("proof_digest"),
                row.getString("binding_digest"),
                row.getString("author"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("hash"),
                List.of((String[]) row.getArray("subjects").getArray()));
    }
}
