-- The development faucet's rate limit: when each identity last took a grant. Counted here, not in a
-- replica's memory, so every instance of the service agrees; the grant itself is an ordinary mint entry.
create table faucet_windows (
    identity   text        not null,
    granted_at timestamptz not null,
    -- Set in the same transaction as the claim (null only inside it): the mint entry of the latest grant.
    entry_id   bigint,
    constraint faucet_windows_pk primary key (identity),
    constraint faucet_windows_entry_fk foreign key (entry_id) references journal_entries (id)
);
