package io.hypermesh.ledger.block;

import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.MerkleMountainRange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

@Repository
class BlockRepository {

    /** The advisory lock every append takes: one writer at a time across all ledger-service instances. */
    static final long APPEND_LOCK = 0x4c45444745520001L; // "LEDGER" + 1

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    BlockRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
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

    /** What {@link #appendIfHeadIs} did. */
    enum GroupAppend {
        /** Everything was inserted and committed. */
        APPENDED,
        /**
         * Nothing was written: the head, or the Merkle Mountain Range below it, is no longer what the group was decided
         * against (another instance appended, or the range lags behind the chain).
         */
        TIP_MOVED,
        /** Nothing was written: one of the Idempotency-Keys or proof bindings is stored already (a retry, a replay). */
        ALREADY_RECORDED
    }

    /**
     * Inserts consecutive blocks right above {@code expectedHead}, their Merkle Mountain Range {@code nodes} ({@link
     * InclusionIndex#rangeAbove}) and the records of the requests that appended them — in one round trip ({@code
     * append_blocks}, migration V4), under the append lock, and only if the head is still {@code expectedHead}, the range
     * ends at it, and none of the records' keys nor the blocks' bindings is stored yet; otherwise nothing. Outside a transaction the call
     * is its own transaction (the group-commit writer's one round trip); inside the append transaction, which holds
     * the lock and has read the chain under it, the checks always pass.
     */
    GroupAppend appendIfHeadIs(Block expectedHead, List<Block> appended, List<NewAppendRecord> records,
            List<MerkleMountainRange.Node> nodes, Instant at) {
        String outcome = jdbcTemplate.execute((ConnectionCallback<String>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select append_blocks(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                statement.setLong(++i, APPEND_LOCK);
                statement.setLong(++i, expectedHead.height());
                statement.setString(++i, expectedHead.hash());
                statement.setArray(++i, connection.createArrayOf("bigint", appended.stream().map(Block::height).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::previousHash).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::type).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::payload).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::payloadDigest).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::proof).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::proofDigest).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::bindingDigest).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::author).toArray()));
                statement.setArray(++i, connection.createArrayOf("text",
                        appended.stream().map(block -> block.timestamp().toString()).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", appended.stream().map(Block::hash).toArray()));
                statement.setArray(++i, connection.createArrayOf("text",
                        appended.stream().map(block -> subjectsJson(block.subjects())).toArray()));
                statement.setArray(++i, connection.createArrayOf("smallint",
                        nodes.stream().map(node -> (short) node.level()).toArray()));
                statement.setArray(++i, connection.createArrayOf("bigint", nodes.stream().map(MerkleMountainRange.Node::position).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", nodes.stream().map(MerkleMountainRange.Node::hash).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", records.stream().map(r -> r.key().caller()).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", records.stream().map(r -> r.key().idempotencyKey()).toArray()));
                statement.setArray(++i, connection.createArrayOf("text", records.stream().map(NewAppendRecord::requestDigest).toArray()));
                statement.setArray(++i, connection.createArrayOf("bigint", records.stream().map(NewAppendRecord::height).toArray()));
                statement.setArray(++i, connection.createArrayOf("integer", records.stream().map(NewAppendRecord::blockCount).toArray()));
                statement.setTimestamp(++i, Timestamp.from(at));
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getString(1);
                }
            }
        });
        return switch (outcome) {
            case "appended" -> GroupAppend.APPENDED;
            case "tip-moved" -> GroupAppend.TIP_MOVED;
            case "already-recorded" -> GroupAppend.ALREADY_RECORDED;
            default -> throw new IllegalStateException("append_blocks answered " + outcome);
        };
    }

    /**
     * Takes the append lock and reads what an append transaction must know under it, in one round trip: the head,
     * the earlier appends under any of {@code keys}, and those of {@code bindingDigests} a stored block already
     * carries. The two statements travel together, and PostgreSQL runs the read only once the lock is granted, with a
     * snapshot taken then — so it sees every append committed before. Must run in the append's transaction.
     */
    LockedView lockAndRead(Collection<AppendKey> keys, Collection<String> bindingDigests) {
        String sql = """
                select pg_advisory_xact_lock(?);
                select head.*,
                       array(select binding_digest from blocks where binding_digest = any(?)) as used_bindings,
                       cast((select coalesce(json_agg(json_build_array(a.caller, a.idempotency_key, a.request_digest,
                                                                       a.height, a.block_count)), '[]')
                             from append_requests a join unnest(?, ?) as wanted (caller, idempotency_key)
                               on a.caller = wanted.caller and a.idempotency_key = wanted.idempotency_key) as text) as recorded
                from (select * from blocks order by height desc limit 1) head""";
        return jdbcTemplate.execute((ConnectionCallback<LockedView>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, APPEND_LOCK);
                statement.setArray(2, connection.createArrayOf("text", bindingDigests.toArray()));
                statement.setArray(3, connection.createArrayOf("text", keys.stream().map(AppendKey::caller).toArray()));
                statement.setArray(4, connection.createArrayOf("text", keys.stream().map(AppendKey::idempotencyKey).toArray()));
                statement.execute();
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the locked read returned no result");
                }
                try (ResultSet row = statement.getResultSet()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the chain has no genesis block");
                    }
                    Map<AppendKey, AppendRecord> recorded = new HashMap<>();
                    for (JsonNode append : CanonicalJson.parse(row.getString("recorded"))) {
                        recorded.put(new AppendKey(append.get(0).asString(), append.get(1).asString()),
                                new AppendRecord(append.get(2).asString(), append.get(3).asLong(), append.get(4).asInt()));
                    }
                    return new LockedView(map(row, 0), recorded, Set.of((String[]) row.getArray("used_bindings").getArray()));
                }
            }
        });
    }

    /** The chain as an append transaction sees it under the lock. */
    record LockedView(Block head, Map<AppendKey, AppendRecord> recordedAppends, Set<String> usedBindings) {
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

    /** Who asked and under which Idempotency-Key: the identity of one append request. */
    record AppendKey(String caller, String idempotencyKey) {
    }

    /** An append to record: {@code blockCount} blocks from {@code height} on. */
    record NewAppendRecord(AppendKey key, String requestDigest, long height, int blockCount) {
    }

    /** The blocks the request of {@code record} appended. */
    List<Block> appendedBy(AppendRecord record) {
        return range(record.height(), record.height() + record.blockCount() - 1);
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
