-- The OIDC Core §5.5 claims request a token or code carries (normalized JSON, null when none), so a cold start
-- restores access and refresh tokens that still release the claims the client asked for.
alter table projection.tokens add column claims text;
