-- Sign-in challenges live in the database so that any replica can consume a challenge another issued.
create table sign_in_challenges (
    id          uuid        not null,
    identity    text        not null,
    public_key  text        not null,
    audience    text        not null,
    nonce       text        not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    constraint sign_in_challenges_pk primary key (id),
    constraint sign_in_challenges_identity_ck check (identity ~ '^hm1[a-z2-7]{32}$'),
    constraint sign_in_challenges_expiry_ck check (expires_at > created_at)
);

-- The housekeeping job deletes old challenges by expiry.
create index sign_in_challenges_expires_at_ix on sign_in_challenges (expires_at);
