-- Clients and users: the source of truth that every node caches. Token state lives elsewhere (Hazelcast, Kafka,
-- projections added as V2+).

create table clients (
    client_id                 text primary key check (length(client_id) between 1 and 255),
    name                      text        not null,
    -- null for a public client; otherwise 'sha256$<salt>$<hash>' (ClientSecretHasher)
    secret_hash               text,
    redirect_uris             jsonb       not null default '[]' check (jsonb_typeof(redirect_uris) = 'array'),
    redirect_uri_match        text        not null default 'exact'
                                          check (redirect_uri_match in ('exact', 'prefix', 'regex')),
    grant_types               jsonb       not null default '["authorization_code"]'
                                          check (jsonb_typeof(grant_types) = 'array'
                                              and grant_types <@ '["authorization_code", "implicit", "client_credentials",
                                                                   "password", "refresh_token"]'),
    scopes                    jsonb       not null default '[]' check (jsonb_typeof(scopes) = 'array'),
    access_token_ttl          bigint      not null check (access_token_ttl > 0),
    refresh_token_ttl         bigint      not null check (refresh_token_ttl > 0),
    code_ttl                  bigint      not null check (code_ttl > 0),
    access_token_format       text        not null default 'opaque' check (access_token_format in ('opaque', 'jwt')),
    rotate_refresh_tokens     boolean     not null default true,
    require_consent           boolean     not null default false,
    id_token_alg              text        not null default 'RS256' check (id_token_alg in ('RS256', 'ES256', 'EdDSA')),
    post_logout_redirect_uris jsonb       not null default '[]' check (jsonb_typeof(post_logout_redirect_uris) = 'array'),
    dialect                   text        not null default 'standard',
    options                   jsonb       not null default '{}' check (jsonb_typeof(options) = 'object'),
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    -- dialects.md decision 8: only confidential clients may turn rotation off
    constraint public_clients_rotate check (secret_hash is not null or rotate_refresh_tokens)
);

create table users (
    subject       text primary key check (length(subject) between 1 and 255),
    username      text        not null unique check (length(username) between 1 and 255),
    -- 'pbkdf2-sha256$<iterations>$<salt>$<hash>' (PasswordHasher)
    password_hash text        not null,
    name          text,
    email         text,
    phone         text,
    -- strings or lists of strings (dialects.md decision 10)
    attributes    jsonb       not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

-- Every node keeps clients (and a user cache) in memory and listens on this channel. The payload is
-- '<kind>:<id>'; TG_ARGV[0] is the kind, TG_ARGV[1] the key column.
create function lanyard_notify_directory() returns trigger
    language plpgsql as
$$
declare
    new_key text;
    old_key text;
begin
    if tg_op <> 'DELETE' then
        new_key := to_jsonb(new) ->> tg_argv[1];
        perform pg_notify('lanyard_directory', tg_argv[0] || ':' || new_key);
    end if;
    if tg_op <> 'INSERT' then
        old_key := to_jsonb(old) ->> tg_argv[1];
        if new_key is distinct from old_key then
            perform pg_notify('lanyard_directory', tg_argv[0] || ':' || old_key);
        end if;
    end if;
    return null;
end
$$;

create trigger clients_notify_directory
    after insert or update or delete on clients
    for each row execute function lanyard_notify_directory('client', 'client_id');

create trigger users_notify_directory
    after insert or update or delete on users
    for each row execute function lanyard_notify_directory('user', 'subject');
