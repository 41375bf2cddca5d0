-- A request to take stake back. The CAES stay in the stake account (still slashable) until the
-- unlock delay has passed; then the release moves what is left of the request, at most, to the wallet.
create table stake_unlocks (
    id              bigint generated always as identity,
    identity        text        not null,
    amount          bigint      not null,
    requested_at    timestamptz not null,
    available_at    timestamptz not null,
    status          text        not null default 'pending',
    released_amount bigint,
    released_at     timestamptz,
    entry_id        bigint,
    constraint stake_unlocks_pk primary key (id),
    constraint stake_unlocks_amount_positive check (amount > 0),
    constraint stake_unlocks_status_ck check (status in ('pending', 'released')),
    constraint stake_unlocks_available_after_requested check (available_at >= requested_at),
    constraint stake_unlocks_released_amount_ck check (released_amount >= 0 and released_amount <= amount),
    constraint stake_unlocks_released_ck check ((status = 'released') = (released_at is not null)),
    constraint stake_unlocks_entry_fk foreign key (entry_id) references journal_entries (id)
);

create index stake_unlocks_due_idx on stake_unlocks (available_at) where status = 'pending';
create index stake_unlocks_identity_pending_idx on stake_unlocks (identity) where status = 'pending';
