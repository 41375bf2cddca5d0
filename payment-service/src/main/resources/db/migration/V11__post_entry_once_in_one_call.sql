-- A mint or a transfer in ONE round trip, in the statement's own transaction (autocommit): claim the
-- Idempotency-Key, answer with the stored reply if there is one, otherwise post the entry (post_entry,
-- V9) and store its reply — the same steps, in the same order and under the same locks, as the four
-- round trips idempotency_claim, post_entry, the reply insert and commit (see README, "Benchmark").
--
-- The reply names the entry, whose id only exists once it is inserted here: the caller renders the
-- reply around the id (p_location_before_id || id, p_body_before_id || id || p_body_after_id), so the
-- stored reply is complete in this transaction and a replay returns exactly these bytes.
--
-- Returns one row: outcome 'posted' (this call moved the money; the row is the reply it stored),
-- 'stored' (the key was used before; the row is that stored reply, fingerprint included, for the
-- caller to compare) or 'in-flight' (another transaction holds the key right now; nothing else set).
-- A refusal raises, so the whole transaction, accounts opened on the way included, leaves nothing:
-- SQLSTATE HM001 when a balance would go negative, the account's code in DETAIL and its balance in HINT.
create function post_entry_once(p_caller text, p_key text, p_operation text, p_fingerprint text, p_status integer,
                                p_stored_at timestamptz, p_location_before_id text, p_body_before_id text,
                                p_body_after_id text,
                                p_kind text, p_memo text, p_created_by text, p_created_at timestamptz,
                                p_codes text[], p_kinds text[], p_owners text[], p_amounts bigint[], p_changes bigint[])
    returns table (outcome text, fingerprint text, status integer, location text, body text)
    language plpgsql as $$
#variable_conflict use_column
declare
    v_claimed boolean;
    v_posted  record;
begin
    -- The same lock (namespace 0x50415931, same hash) as idempotency_claim, so both paths exclude each other.
    v_claimed := pg_try_advisory_xact_lock(1346459953, hashtext(p_caller || ' ' || p_key));
    -- A fresh snapshot after the claim: a reply committed by the previous holder just before it is seen.
    select k.fingerprint, k.status, k.location, k.body
    into fingerprint, status, location, body
    from idempotency_keys k
    where k.caller = p_caller and k.key = p_key;
    if found then
        outcome := 'stored';
        return next;
        return;
    end if;
    if not v_claimed then
        outcome := 'in-flight';
        return next;
        return;
    end if;

    select * into v_posted
    from post_entry(p_kind, p_memo, p_created_by, p_created_at, p_codes, p_kinds, p_owners, p_amounts, p_changes);
    if v_posted.entry_id is null then
        raise exception 'a balance would go negative' using errcode = 'HM001',
            detail = v_posted.short_account, hint = v_posted.available::text;
    end if;

    insert into idempotency_keys as k (caller, key, operation, fingerprint, status, location, body, created_at)
    values (p_caller, p_key, p_operation, p_fingerprint, p_status, p_location_before_id || v_posted.entry_id,
            p_body_before_id || v_posted.entry_id || p_body_after_id, p_stored_at)
    returning 'posted', k.fingerprint, k.status, k.location, k.body
        into outcome, fingerprint, status, location, body;
    return next;
end;
$$;
