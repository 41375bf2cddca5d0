-- Why a stake was cut, by whom, and the journal entry that moved the CAES to the treasury.
create table slashes (
    id         bigint generated always as identity,
    identity   text        not null,
    amount     bigint      not null,
    reason     text        not null,
    slashed_by text        not null,
    entry_id   bigint      not null,
    created_at timestamptz not null,
    constraint slashes_pk primary key (id),
    constraint slashes_amount_positive check (amount > 0),
    constraint slashes_reason_length_ck check (char_length(reason) between 1 and 1000),
    constraint slashes_entry_fk foreign key (entry_id) references journal_entries (id),
    constraint slashes_entry_uk unique (entry_id)
);

create index slashes_identity_idx on slashes (identity, id);
