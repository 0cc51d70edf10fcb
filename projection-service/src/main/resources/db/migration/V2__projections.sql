-- The projections of the event topic. Everything in schema "projection" is derived from the topic and can be
-- rebuilt from it: `lanyard replay` fills a copy of this schema (CREATE TABLE ... LIKE, so later migrations carry
-- over) and swaps it in by renaming schemas. Nothing outside the projector writes here.
--
-- Every state table merges order-independently (first-seen values, earliest revocation, latest activity), so applying
-- the same events again never changes a row; the offsets table makes sure they are not applied again anyway.

create schema projection;

-- Kafka positions, written in the same transaction as the rows they produced (the group commits nothing to Kafka).
create table projection.projection_offsets (
    topic       text        not null,
    partition   int         not null,
    next_offset bigint      not null check (next_offset >= 0),
    updated_at  timestamptz not null,
    primary key (topic, partition)
);

-- Token families. A family is created by a code or a first token response and revoked as a whole.
create table projection.grants (
    grant_id           text primary key,
    client_id          text,
    subject            text,
    username           text,
    grant_type         text,
    session_id         text,
    first_seen_at      timestamptz not null,
    last_issued_at     timestamptz,
    -- the latest expiry of any token issued in the family
    expires_at         timestamptz,
    revoked_at         timestamptz,
    revoke_reason      text,
    -- how long the revocation must be remembered (GrantRevoked.keepSeconds after it)
    revocation_expires_at timestamptz
);
create index grants_subject on projection.grants (subject, first_seen_at);
create index grants_client on projection.grants (client_id, first_seen_at);
create index grants_session on projection.grants (session_id) where session_id is not null;
create index grants_revoked on projection.grants (revocation_expires_at) where revoked_at is not null;

-- Access tokens, refresh tokens and authorization codes by SHA-256 hash (never the token). A row holds every field
-- of the Hazelcast record it stands for, so a cold cluster can be reloaded from it.
create table projection.tokens (
    token_hash    text primary key,
    kind          text        not null check (kind in ('access_token', 'refresh_token', 'authorization_code')),
    grant_id      text,
    client_id     text,
    subject       text,
    username      text,
    scope         text,
    grant_type    text,
    session_id    text,
    -- access tokens: opaque | jwt
    format        text,
    -- refresh tokens: epoch seconds of the user's authentication
    auth_time     bigint,
    issued_at     timestamptz,
    expires_at    timestamptz,
    rotated_at    timestamptz,
    redeemed_at   timestamptz,
    revoked_at    timestamptz,
    revoke_reason text
);
create index tokens_grant on projection.tokens (grant_id);
create index tokens_live on projection.tokens (kind, expires_at) where revoked_at is null;

-- SSO sessions by cookie hash.
create table projection.sessions (
    session_hash        text primary key,
    sid                 text,
    subject             text,
    username            text,
    client_id           text,
    auth_time           bigint,
    started_at          timestamptz,
    idle_seconds        bigint,
    absolute_expires_at timestamptz,
    ended_at            timestamptz,
    end_reason          text
);
create index sessions_subject on projection.sessions (subject);
create index sessions_sid on projection.sessions (sid);

create table projection.consents (
    subject          text        not null,
    client_id        text        not null,
    scopes           text[]      not null,
    first_granted_at timestamptz not null,
    last_granted_at  timestamptz not null,
    primary key (subject, client_id)
);

-- Append-only audit log, one row per event, in daily range partitions that the projector creates on demand and
-- drops after projection.auditRetentionDays.
create table projection.audit_log (
    at         timestamptz not null,
    event_id   text        not null,
    event_type text        not null,
    action     text        not null,
    result     text        not null,
    subject    text,
    username   text,
    client_id  text,
    ip         text,
    grant_id   text,
    detail     jsonb       not null default '{}',
    primary key (at, event_id)
) partition by range (at);
create index audit_subject on projection.audit_log (subject, at);
create index audit_client on projection.audit_log (client_id, at);
create index audit_action on projection.audit_log (action, at);

create table projection.client_stats (
    client_id         text        not null,
    minute            timestamptz not null,
    tokens_issued     bigint      not null default 0,
    refresh_rotations bigint      not null default 0,
    codes_issued      bigint      not null default 0,
    revocations       bigint      not null default 0,
    logins            bigint      not null default 0,
    login_failures    bigint      not null default 0,
    consents          bigint      not null default 0,
    primary key (client_id, minute)
);
create index client_stats_minute on projection.client_stats (minute);

-- Records the projector could not read (not JSON, no envelope); kept instead of stalling the partition.
create table projection.rejected_events (
    topic       text        not null,
    partition   int         not null,
    kafka_offset bigint     not null,
    payload     text        not null,
    error       text        not null,
    rejected_at timestamptz not null,
    primary key (topic, partition, kafka_offset)
);

-- Outside the projection schema: survives a replay's swap.

-- Progress of `lanyard replay`, read by the projection service's metrics and admin API.
create table projection_replays (
    replay_id   text primary key,
    mode        text        not null,
    since       timestamptz,
    state       text        not null check (state in ('running', 'swapped', 'failed')),
    started_at  timestamptz not null,
    updated_at  timestamptz not null,
    finished_at timestamptz,
    events      bigint      not null default 0,
    -- fraction of the target offsets reached, 0..1
    progress    double precision not null default 0,
    error       text
);

-- The cluster's signing key ring (Hazelcast map lanyard.signing-keys, written through), so tokens signed before a
-- full cluster restart stay verifiable after it. Holds private keys: restrict access to this database.
create table signing_keys (
    kid          text primary key,
    entry        text        not null,
    retire_until timestamptz,
    updated_at   timestamptz not null
);
