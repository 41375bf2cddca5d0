-- Escrow: CAES of a client locked for one execution against a quote, then settled (hosts, bonus,
-- platform fee, refund) or released (full refund) or expired (full refund) — exactly one of the three.
-- Each hold gets its own escrow account ('escrow/<id>', owned by the client), so holds never contend
-- on one hot row and an escrow account's balance is what that hold still locks (0 once closed).
-- Platform fees collect in one system account. Both kinds hold CAES (debit-normal), so supply is unchanged.
alter table accounts drop constraint accounts_kind_ck;
alter table accounts add constraint accounts_kind_ck
    check (kind in ('wallet', 'stake', 'issuance', 'treasury', 'escrow', 'platform_fees'));
alter table accounts drop constraint accounts_owner_ck;
alter table accounts add constraint accounts_owner_ck
    check ((kind in ('wallet', 'stake', 'escrow')) = (owner is not null));

insert into accounts (code, kind, balance, created_at) values ('platform-fees', 'platform_fees', 0, now());

alter table journal_entries drop constraint journal_entries_kind_ck;
alter table journal_entries add constraint journal_entries_kind_ck
    check (kind in ('mint', 'transfer', 'stake', 'unstake', 'slash', 'hold', 'settlement', 'release'));

create table escrows (
    id               uuid        not null,
    client           text        not null,
    quote_id         uuid        not null,
    execution_id     text        not null,
    amount           bigint      not null,
    status           text        not null,
    held_by          text        not null,
    hold_entry_id    bigint      not null,
    created_at       timestamptz not null,
    expires_at       timestamptz not null,
    closed_by        text,
    closing_entry_id bigint,
    closed_at        timestamptz,
    paid_for_usage   bigint,
    paid_as_bonus    bigint,
    platform_fee     bigint,
    refunded         bigint,
    constraint escrows_pk primary key (id),
    constraint escrows_quote_fk foreign key (quote_id) references quotes (id),
    constraint escrows_hold_entry_fk foreign key (hold_entry_id) references journal_entries (id),
    constraint escrows_closing_entry_fk foreign key (closing_entry_id) references journal_entries (id),
    constraint escrows_execution_uk unique (execution_id),
    constraint escrows_execution_length_ck check (char_length(execution_id) between 1 and 200),
    constraint escrows_amount_positive check (amount > 0),
    constraint escrows_status_ck check (status in ('held', 'settled', 'released', 'expired')),
    constraint escrows_expiry_after_creation check (expires_at > created_at),
    constraint escrows_closed_ck check ((status = 'held') = (closed_at is null)
        and (status = 'held') = (closing_entry_id is null) and (status = 'held') = (refunded is null)),
    -- What a settlement pays out never exceeds the hold: every micro-CAES of it goes somewhere, once.
    constraint escrows_settlement_sums check (status <> 'settled' or (paid_for_usage >= 0 and paid_as_bonus >= 0
        and platform_fee >= 0 and refunded >= 0 and paid_for_usage + paid_as_bonus + platform_fee + refunded = amount)),
    constraint escrows_refund_whole check (status not in ('released', 'expired') or (refunded = amount
        and paid_for_usage = 0 and paid_as_bonus = 0 and platform_fee = 0))
);

create index escrows_due_idx on escrows (expires_at) where status = 'held';

-- One line per host of a settlement: its metered usage charge and its performance bonus.
create table escrow_payouts (
    escrow_id    uuid   not null,
    host         text   not null,
    usage_amount bigint not null,
    bonus_amount bigint not null,
    constraint escrow_payouts_pk primary key (escrow_id, host),
    constraint escrow_payouts_escrow_fk foreign key (escrow_id) references escrows (id),
    constraint escrow_payouts_amounts_non_negative check (usage_amount >= 0 and bonus_amount >= 0)
);
