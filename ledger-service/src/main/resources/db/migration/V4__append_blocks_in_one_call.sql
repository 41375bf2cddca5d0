-- A group commit in one round trip (docs/decisions.md D10): the group-commit writer knows the head it last
-- committed and decides a group against it without reading first; this function then takes the append lock,
-- checks that the head is still that one and that none of the group's Idempotency-Keys and proof bindings is
-- stored yet, and only then inserts the blocks, their Merkle Mountain Range nodes and the append records —
-- all in the one transaction of the calling statement (autocommit). It also checks that the Merkle Mountain
-- Range still ends at that head. When a check fails it writes nothing and says which, and the writer decides
-- the group again the long way, reading under the lock (and catching the range up if it lags).
--
-- Each statement of a volatile function takes a fresh snapshot, so the reads after the lock see every append
-- committed before it was granted.
--
-- Block columns come as parallel arrays, one element per block in height order; created_at as ISO-8601 text
-- (millisecond precision, as the block hash covers), subjects as a JSON array of strings per block.
create function append_blocks(p_lock bigint, p_head_height bigint, p_head_hash text,
                              p_heights bigint[], p_previous_hashes text[], p_types text[], p_payloads text[],
                              p_payload_digests text[], p_proofs text[], p_proof_digests text[],
                              p_binding_digests text[], p_authors text[], p_created_ats text[], p_hashes text[],
                              p_subjects text[],
                              p_node_levels smallint[], p_node_positions bigint[], p_node_hashes text[],
                              p_callers text[], p_keys text[], p_request_digests text[], p_first_heights bigint[],
                              p_block_counts integer[], p_recorded_at timestamptz)
    returns text
    language plpgsql as $$
declare
    v_head_height bigint;
    v_head_hash   text;
begin
    perform pg_advisory_xact_lock(p_lock);

    select height, hash into v_head_height, v_head_hash from blocks order by height desc limit 1;
    -- The range must cover exactly the blocks up to that head (the writer computed the new nodes from its peaks).
    if v_head_height is distinct from p_head_height or v_head_hash is distinct from p_head_hash
       or (select coalesce(max(position) + 1, 0) from mmr_nodes where level = 0) <> p_head_height + 1 then
        return 'tip-moved';
    end if;
    if exists (select 1 from blocks where binding_digest = any (p_binding_digests))
       or exists (select 1
                  from append_requests a
                  join unnest(p_callers, p_keys) as wanted (caller, idempotency_key)
                    on a.caller = wanted.caller and a.idempotency_key = wanted.idempotency_key) then
        return 'already-recorded';
    end if;

    insert into blocks (height, parent_height, previous_hash, type, payload, payload_digest, proof, proof_digest,
                        binding_digest, author, created_at, hash, subjects)
    select b.height, b.height - 1, b.previous_hash, b.type, b.payload, b.payload_digest, b.proof, b.proof_digest,
           b.binding_digest, b.author, cast(b.created_at as timestamptz), b.hash,
           array(select jsonb_array_elements_text(cast(b.subjects as jsonb)))
    from unnest(p_heights, p_previous_hashes, p_types, p_payloads, p_payload_digests, p_proofs, p_proof_digests,
                p_binding_digests, p_authors, p_created_ats, p_hashes, p_subjects)
         as b (height, previous_hash, type, payload, payload_digest, proof, proof_digest, binding_digest, author,
               created_at, hash, subjects);

    insert into mmr_nodes (level, position, hash)
    select * from unnest(p_node_levels, p_node_positions, p_node_hashes);

    insert into append_requests (caller, idempotency_key, request_digest, height, block_count, created_at)
    select r.caller, r.idempotency_key, r.request_digest, r.height, r.block_count, p_recorded_at
    from unnest(p_callers, p_keys, p_request_digests, p_first_heights, p_block_counts)
         as r (caller, idempotency_key, request_digest, height, block_count);

    return 'appended';
end;
$$;

-- With fastupdate, GIN queues new entries in a pending list that the inserting transaction itself merges into
-- the index once it reaches gin_pending_list_limit (4 MB): a stall of hundreds of milliseconds for the one
-- group commit that every waiting append depends on. Without it each block updates the index directly (three
-- keys at most), a small, steady cost.
alter index blocks_subjects_idx set (fastupdate = off);
