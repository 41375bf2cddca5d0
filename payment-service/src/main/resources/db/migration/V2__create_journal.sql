-- The double-entry journal: append-only. A posting's amount is signed (+ debit, - credit) and the
-- postings of one entry sum to zero; the application builds entries that way and a deferred
-- constraint trigger refuses to commit one that does not.
create table journal_entries (
    id         bigint generated always as identity,
    kind       text        not null,
    memo       text,
    created_by text        not null,
    created_at timestamptz not null,
    constraint journal_entries_pk primary key (id),
    constraint journal_entries_kind_ck check (kind in ('mint', 'transfer', 'stake', 'unstake', 'slash')),
    constraint journal_entries_memo_length_ck check (char_length(memo) <= 500)
);

create table postings (
    id            bigint generated always as identity,
    entry_id      bigint not null,
    account_id    bigint not null,
    amount        bigint not null,
    balance_after bigint not null,
    constraint postings_pk primary key (id),
    constraint postings_entry_fk foreign key (entry_id) references journal_entries (id),
    constraint postings_account_fk foreign key (account_id) references accounts (id),
    constraint postings_amount_non_zero check (amount <> 0),
    constraint postings_balance_after_non_negative check (balance_after >= 0)
);

create index postings_account_id_idx on postings (account_id, id);
create index postings_entry_id_idx on postings (entry_id);

create function postings_refuse_unbalanced_entry() returns trigger
    language plpgsql as $$
begin
    if (select sum(amount) from postings where entry_id = new.entry_id) <> 0 then
        raise exception 'journal entry % does not balance', new.entry_id using errcode = '23514';
    end if;
    return null;
end;
$$;

create constraint trigger postings_entry_balanced
    after insert on postings
    deferrable initially deferred
    for each row execute function postings_refuse_unbalanced_entry();

create function journal_refuse_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'the journal is append-only';
end;
$$;

create trigger journal_entries_append_only
    before update or delete on journal_entries
    for each row execute function journal_refuse_change();

create trigger postings_append_only
    before update or delete on postings
    for each row execute function journal_refuse_change();
