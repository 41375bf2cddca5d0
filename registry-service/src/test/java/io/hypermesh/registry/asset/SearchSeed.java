package io.hypermesh.registry.asset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Loads realistic assets straight into the registry's tables with generate_series SQL, in batches:
 * names and descriptions from a vocabulary of verbs, nouns and phrases; one to three tags from skewed
 * lists plus a long tail; runtimes, resources, GPUs, privacy levels and statuses in realistic proportions;
 * 20,000 owners of very different sizes (owner i owns about as much as 1/sqrt(i)), and every thousandth asset is the
 * searching viewer's ({@link #MEMBER_OF_TEAM_0}), so that "mine" searches find some of each privacy level whatever
 * random() drew (at 150,000 rows it would otherwise own about eight, often none PRIVATE); 1,000 networks of 10
 * members each. Ids are time-ordered like real ones, a minute apart from late 2023 on, before any id made now.
 * Used by the plan test (150,000 rows) and by bench/registry-seed.sh and bench/registry-search.sh (1,000,000).
 */
public final class SearchSeed {

    public static final int OWNERS = 20_000;
    private static final int BATCH = 50_000;

    private SearchSeed() {
    }

    /** The identity of seeded owner {@code i}: hm1 and 32 base32-alphabet characters derived from i. */
    public static String owner(int i) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(("owner-" + i).getBytes(StandardCharsets.UTF_8));
            return "hm1" + HexFormat.of().formatHex(md5).replace('0', 'w').replace('1', 'x').replace('8', 'y').replace('9', 'z');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A seeded owner that is a member of network team-0, whose owner is {@code owner(0)}, the largest owner. */
    public static final int MEMBER_OF_TEAM_0 = 104_729 % OWNERS;

    private static String ownerSql(String i) {
        return "'hm1' || translate(md5('owner-' || (" + i + ")), '0189', 'wxyz')";
    }

    /** Adds rows {@code from} (inclusive) to {@code to} (exclusive) unless row {@code from} is there already. */
    public static void seed(DataSource dataSource, int from, int to, IntConsumer progress) throws SQLException {
        // One connection throughout: each batch goes through a temporary table.
        try (Connection connection = dataSource.getConnection()) {
            seed(JdbcClient.create(new SingleConnectionDataSource(connection, true)), from, to, progress);
        }
    }

    private static void seed(JdbcClient jdbc, int from, int to, IntConsumer progress) {
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            if (jdbc.sql("select exists (select 1 from assets where id = " + idSql(String.valueOf(start)) + ")")
                    .query(Boolean.class).single()) {
                continue;
            }
            jdbc.sql(ROWS.replace(":from", String.valueOf(start)).replace(":to", String.valueOf(end - 1))).update();
            jdbc.sql(ASSETS).update();
            jdbc.sql(VERSIONS).update();
            jdbc.sql("drop table seed_rows").update();
            progress.accept(end);
        }
        jdbc.sql(NETWORKS).update();
        jdbc.sql(MEMBERS).update();
        jdbc.sql("analyze assets").update();
        jdbc.sql("analyze asset_versions").update();
        jdbc.sql("analyze network_members").update();
        jdbc.sql("analyze networks").update();
    }

    private static String idSql(String g) {
        String hex = "lpad(to_hex(1700000000000 + (" + g + ")::bigint * 60000), 12, '0')";
        String tail = "md5('asset-' || (" + g + "))";
        return "cast(substr(" + hex + ", 1, 8) || '-' || substr(" + hex + ", 9, 4) || '-7' || substr(" + tail + ", 1, 3)"
                + " || '-8' || substr(" + tail + ", 4, 3) || '-' || substr(" + tail + ", 7, 12) as uuid)";
    }

    private static final String ROWS = """
            create temp table seed_rows as
            with words as (
                select array['resize', 'count', 'parse', 'classify', 'translate', 'compress', 'encrypt', 'render', 'simulate',
                             'train', 'predict', 'index', 'transcode', 'scrape', 'validate', 'aggregate', 'detect', 'summarize',
                             'tokenize', 'hash', 'sort', 'filter', 'optimize', 'forecast', 'cluster', 'label', 'convert',
                             'extract', 'merge', 'deduplicate'] as verbs,
                       array['image', 'word', 'document', 'invoice', 'audio', 'video', 'model', 'graph', 'matrix', 'dataset',
                             'log', 'email', 'genome', 'protein', 'sensor', 'price', 'transaction', 'tweet', 'pdf', 'csv',
                             'json', 'frame', 'mesh', 'molecule', 'portfolio', 'route', 'signal', 'sentence', 'page',
                             'record'] as nouns,
                       array['in batches', 'with gpu acceleration', 'for streaming input', 'using a pretrained network',
                             'deterministically', 'with low memory', 'for edge devices', 'at scale', 'incrementally',
                             'with caching', 'in real time', 'for research workloads', 'with differential privacy',
                             'using monte carlo sampling', 'for financial data', 'with a sliding window',
                             'from object storage', 'into parquet files', 'behind a rate limit', 'with retries'] as phrases,
                       array['ml', 'data', 'etl', 'vision', 'nlp', 'audio', 'finance', 'bio', 'science', 'media', 'security',
                             'web', 'iot', 'geo', 'crypto', 'devops', 'chem', 'stats', 'gaming', 'edu'] as domains,
                       array['nvidia-t4', 'nvidia-a10', 'nvidia-l4', 'nvidia-a100', 'nvidia-h100', 'amd-mi250'] as gpus,
                       array[16384, 24576, 24576, 40960, 81920, 131072] as gpu_memory
            )
            select g, """ + idSql("g") + """
                    as id,
                   """ + ownerSql("case when g % 1000 = 0 then " + MEMBER_OF_TEAM_0 + " else floor(" + OWNERS
                            + " * power(r.o, 2))::int end") + """
                    as owner,
                   w.verbs[r.verb] || '-' || w.nouns[r.noun] || case when r.n1 < 0.3 then '-' || w.domains[r.d1] else '' end as name,
                   initcap(w.verbs[r.verb]) || 's ' || w.nouns[r.noun] || 's ' || w.phrases[r.p1] || ' '
                       || w.phrases[r.p2] || '. Built for ' || w.domains[r.d1] || ' teams.' as description,
                   case when r.rt < 0.5 then 'python' when r.rt < 0.75 then 'javascript' when r.rt < 0.9 then 'wasm'
                        else 'julia' end as runtime,
                   'def main(input):' || chr(10) || '    return ' || quote_literal(w.verbs[r.verb] || ' ' || g) || chr(10) as code,
                   (array[1, 1, 1, 2, 2, 2, 4, 4, 8, 16, 32, 64])[1 + floor(r.cpu * 12)::int] as cpu_cores,
                   (array[128, 256, 256, 512, 512, 1024, 1024, 2048, 4096, 8192, 16384, 65536])[1 + floor(r.mem * 12)::int]
                       as memory_mb,
                   (floor(r.mem * 10) * 100)::int as storage_mb,
                   case when r.gpu < 0.08 then w.gpus[1 + floor(r.gpu / 0.08 * 6)::int] end as gpu_model,
                   case when r.gpu < 0.08 then w.gpu_memory[1 + floor(r.gpu / 0.08 * 6)::int] end as gpu_memory_mb,
                   r.n1 < 0.4 as network,
                   (array[5, 10, 30, 30, 60, 60, 120, 300, 600, 1800, 3600, 86400])[1 + floor(r.run * 12)::int]
                       as max_runtime_seconds,
                   case when r.pv < 0.6 then 'FULL_PUBLIC' when r.pv < 0.7 then 'PUBLIC_NETWORK' when r.pv < 0.8 then 'P2P'
                        when r.pv < 0.92 then 'PRIVATE' else 'PRIVATE_NETWORK' end as privacy,
                   case when r.z < 0.7 then array[]::text[] when r.z < 0.85 then array['eu-west']
                        else array['us-east', 'eu-west'] end as allowed_zones,
                   array_remove(array[w.nouns[r.noun], w.domains[r.d1],
                                      case when r.n2 < 0.5 and r.d2 <> r.d1 then w.domains[r.d2] end,
                                      case when r.n2 > 0.95 then 'lt-' || (1 + floor(r.n1 * 400)::int) end], null) as tags,
                   case when r.st < 0.7 then 'DEPLOYED' when r.st < 0.9 then 'DRAFT' else 'RETIRED' end as status,
                   timestamptz '2023-11-14 22:13:20+00' + g * interval '1 minute' as created_at
              from generate_series(:from, :to) as g
              cross join words w
              cross join lateral (
                  select g as row_number, random() as o, 1 + floor(random() * 30)::int as verb,
                         1 + floor(power(random(), 1.5) * 30)::int as noun, 1 + floor(random() * 20)::int as p1,
                         1 + floor(random() * 20)::int as p2, 1 + floor(power(random(), 2) * 20)::int as d1,
                         1 + floor(random() * 20)::int as d2, random() as n1, random() as n2, random() as rt,
                         random() as cpu, random() as mem, random() as gpu, random() as run, random() as pv,
                         random() as z, random() as st
              ) as r""";

    private static final String VERSIONS = """
            insert into asset_versions (asset_id, version, name, description, runtime, code, code_digest, code_size_bytes,
                                        entrypoint, parameters_schema, cpu_cores, memory_mb, storage_mb, gpu_model,
                                        gpu_memory_mb, network, max_runtime_seconds, privacy, allowed_zones, tags, status,
                                        revision, deployment_block_height, deployment_block_hash, deployed_at,
                                        created_at, updated_at)
            select id, 1, name, description, runtime, code, encode(sha256(convert_to(code, 'UTF8')), 'hex'),
                   octet_length(code), 'main', null, cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
                   max_runtime_seconds, privacy, allowed_zones, tags, status, 1,
                   case when status <> 'DRAFT' then g end,
                   case when status <> 'DRAFT' then md5('block-' || g) || md5('hash-' || g) end,
                   case when status <> 'DRAFT' then created_at + interval '10 seconds' end,
                   created_at, created_at
              from seed_rows""";

    private static final String ASSETS = """
            insert into assets (id, owner, latest_version, name, description, runtime, code_digest, code_size_bytes,
                                cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network, max_runtime_seconds,
                                privacy, allowed_zones, tags, status, created_at, updated_at)
            select id, owner, 1, name, description, runtime, encode(sha256(convert_to(code, 'UTF8')), 'hex'),
                   octet_length(code), cpu_cores, memory_mb, storage_mb, gpu_model, gpu_memory_mb, network,
                   max_runtime_seconds, privacy, allowed_zones, tags, status, created_at, created_at
              from seed_rows order by id""";

    /** Networks of the 1,000 largest owners, named team-i. */
    private static final String NETWORKS = """
            insert into networks (id, owner, name, created_at)
            select cast(md5('network-' || i) as uuid), """ + ownerSql("i") + """
                   , 'team-' || i, timestamptz '2023-11-14 22:13:20+00'
              from generate_series(0, 999) as i
            on conflict do nothing""";

    /** Ten members each, drawn from all owners. */
    private static final String MEMBERS = """
            insert into network_members (network_id, member, added_at)
            select cast(md5('network-' || i) as uuid), """ + ownerSql("(i * 7919 + k * 104729) % " + OWNERS) + """
                   , timestamptz '2023-11-14 22:13:20+00'
              from generate_series(0, 999) as i cross join generate_series(1, 10) as k
            on conflict do nothing""";
}
