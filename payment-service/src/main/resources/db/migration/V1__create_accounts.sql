-- Holding accounts (wallets, stakes, treasury) are debit-normal: their balance is what they hold.
-- The one issuance account ('mint') is credit-normal: its balance is the supply minted so far.
-- Every journal entry sums to zero, so sum(holding balances) = mint balance = minted supply, and
-- no balance of either kind is ever negative (see README, "Supply invariant").
create table accounts (
    id         bigint generated always as identity,
    code       text        not null,
    kind       text        not null,
    owner      text,
    balance    bigint      not null default 0,
    created_at timestamptz not null,
    constraint accounts_pk primary key (id),
    constraint accounts_code_uk unique (code),
    constraint accounts_kind_ck check (kind in ('wallet', 'stake', 'issuance', 'treasury')),
    constraint accounts_owner_ck check ((kind in ('wallet', 'stake')) = (owner is not null)),
    constraint accounts_balance_non_negative check (balance >= 0)
);

insert into accounts (code, kind, balance, created_at) values
    ('mint', 'issuance', 0, now()),
    ('treasury', 'treasury', 0, now());
