-- Driver for bench/ledger-append-sql.sh: appends one group of n chained EXECUTION blocks through append_blocks
-- (migration V4) in one call, with payloads and proofs shaped like the service's (hashes are SHA-256 hex, the proof
-- JSON is of realistic size), two Merkle Mountain Range nodes per two blocks and one append record per 20 blocks.
-- ledger_bench_group(n, false) only makes the data, so that its cost can be subtracted.
insert into blocks (height, parent_height, previous_hash, type, payload, payload_digest, proof, proof_digest, binding_digest,
                    author, created_at, hash)
values (0, null, repeat('0', 64), 'GENESIS', '{}', repeat('a', 64), null, repeat('0', 64), null, 'genesis',
        date_trunc('milliseconds', now()), repeat('b', 64));
insert into mmr_nodes values (0, 0, repeat('b', 64));

create function ledger_bench_group(n int, append boolean) returns text language plpgsql as $$
declare
    h bigint; hh text; prev text; cur text;
    heights bigint[] := '{}'; prevs text[] := '{}'; types text[] := '{}'; payloads text[] := '{}'; pds text[] := '{}';
    proofs text[] := '{}'; prds text[] := '{}'; bds text[] := '{}'; authors text[] := '{}'; cas text[] := '{}';
    hashes text[] := '{}'; subs text[] := '{}';
    nl smallint[] := '{}'; np bigint[] := '{}'; nh text[] := '{}';
    callers text[] := '{}'; keys text[] := '{}'; rds text[] := '{}'; fh bigint[] := '{}'; bc int[] := '{}';
    ts text := to_char(date_trunc('milliseconds', now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
begin
    select height, hash into h, hh from blocks order by height desc limit 1;
    prev := hh;
    for i in 1..n loop
        cur := encode(sha256((prev || i)::bytea), 'hex');
        heights := heights || (h + i); prevs := prevs || prev; types := types || 'EXECUTION'::text;
        payloads := payloads || ('{"assetId":"a-' || (h + i) % 500 || '","executionId":"e-' || gen_random_uuid()
            || '","exitCode":0,"hostId":"h-' || (h + i) % 97 || '","meteredCpuMs":12345}');
        pds := pds || encode(sha256(cur::bytea || 'p'), 'hex');
        proofs := proofs || ('{"space":{"x":10,"y":50,"z":50,"zone":"eu-west"},"stake":{"identity":"hm1abcdefghijklmnopqrstuvwxyz234567",'
            || '"publicKey":"' || encode(sha256(cur::bytea), 'base64') || '","signature":"' || encode(sha512(cur::bytea), 'base64')
            || '"},"time":{"anchorHash":"' || hh || '","anchorHeight":1,"timestamp":1765000000000},"work":{"nonce":123456}}');
        prds := prds || encode(sha256(cur::bytea || 'q'), 'hex');
        bds := bds || encode(sha256(cur::bytea || 'r'), 'hex');
        authors := authors || ('hm1author' || (h + i) % 64);
        cas := cas || ts;
        hashes := hashes || cur;
        subs := subs || ('["a-' || (h + i) % 500 || '","e-' || (h + i) || '","h-' || (h + i) % 97 || '"]');
        nl := nl || 0::smallint; np := np || (h + i); nh := nh || cur;
        if (h + i) % 2 = 1 then
            nl := nl || 1::smallint; np := np || ((h + i) / 2); nh := nh || encode(sha256(cur::bytea || 's'), 'hex');
        end if;
        if (i - 1) % 20 = 0 then
            callers := callers || 'hm1caller'::text; keys := keys || gen_random_uuid()::text;
            rds := rds || encode(sha256(cur::bytea || 't'), 'hex'); fh := fh || (h + i); bc := bc || least(20, n - i + 1);
        end if;
        prev := cur;
    end loop;
    if not append then
        return 'made';
    end if;
    return append_blocks(1, h, hh, heights, prevs, types, payloads, pds, proofs, prds, bds, authors, cas, hashes, subs,
                         nl, np, nh, callers, keys, rds, fh, bc, now());
end
$$;
