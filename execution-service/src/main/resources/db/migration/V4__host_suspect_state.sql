-- SUSPECT: a host that missed one heartbeat window. It keeps its leased work but is given no new work;
-- a heartbeat makes it ONLINE again, more silence OFFLINE.
alter table hosts drop constraint hosts_status_known;
alter table hosts add constraint hosts_status_known check (status in ('ONLINE', 'SUSPECT', 'OFFLINE', 'LEFT'));

drop index hosts_online_heartbeat_idx;
create index hosts_heard_heartbeat_idx on hosts (last_heartbeat_at) where status in ('ONLINE', 'SUSPECT');
