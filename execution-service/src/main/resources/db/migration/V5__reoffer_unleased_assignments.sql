-- A host whose offer ran out before it leased it (it was unreachable for a moment) may be offered the execution
-- again; one that leased it, reported or failed it is not. Still never two live assignments for one host.
alter table assignments drop constraint assignments_host_once;
create unique index assignments_host_live_idx on assignments (execution_id, host_id)
    where state in ('OFFERED', 'LEASED', 'REPORTED', 'FAILED');
