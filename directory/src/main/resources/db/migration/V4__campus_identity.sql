-- Campus identity (issue "campus identity"): users copied from the campus directory hold no password here, the help
-- desk can disable a user, and the OpenID Connect standard claims beyond name, email and phone have a home.

alter table users alter column password_hash drop not null;

-- OIDC Core §5.1 claims (given_name, family_name, address, …) by claim name; name, email and phone keep their columns.
alter table users add column claims jsonb not null default '{}' check (jsonb_typeof(claims) = 'object');

-- A disabled user cannot sign in; disabling also ends their sessions and revokes their token families.
alter table users add column disabled boolean not null default false;

-- 'local': imported or created here, Lanyard holds the password hash; 'directory': a copy of an LDAP / AD entry,
-- refreshed at each sign-in, with no password hash.
alter table users add column origin text not null default 'local' check (origin in ('local', 'directory'));
alter table users add constraint local_users_have_a_password
    check (origin = 'directory' or password_hash is not null);
