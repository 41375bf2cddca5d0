-- One row per caller and one-minute window, counted with a single upsert so that every gateway
-- replica sees the same count. Unlogged: a counter lost in a crash costs at most one minute of
-- limits, and skipping the write-ahead log keeps this hot table cheap.
create unlogged table rate_limit_windows (
    key           text        not null,
    window_start  timestamptz not null,
    count         integer     not null,
    constraint rate_limit_windows_pk primary key (key, window_start),
    constraint rate_limit_windows_count_ck check (count > 0)
);

create index rate_limit_windows_window_start_ix on rate_limit_windows (window_start);
