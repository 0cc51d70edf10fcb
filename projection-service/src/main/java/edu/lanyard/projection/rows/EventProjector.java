package edu.lanyard.projection.rows;

import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.AccountUnlocked;
import edu.lanyard.core.event.CasLogoutSent;
import edu.lanyard.core.event.CasTicketIssued;
import edu.lanyard.core.event.CasTicketValidated;
import edu.lanyard.core.event.ClientChanged;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.event.PasswordRehashed;
import edu.lanyard.core.event.PasswordReset;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.event.UserDisabled;
import edu.lanyard.core.event.UserEnabled;
import edu.lanyard.core.token.Scopes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What each lifecycle event means for the projection tables. Events arrive already upgraded to the current record
 * shape ({@code EventVersions}), so this class knows one version of each type.
 */
public final class EventProjector {
    private EventProjector() {
    }

    public static void project(LifecycleEvent event, ProjectionBatch batch) {
        if (event instanceof TokensIssued issued) {
            tokensIssued(issued, batch);
        } else if (event instanceof TokenRevoked revoked) {
            tokenRevoked(revoked, batch);
        } else if (event instanceof GrantRevoked revoked) {
            grantRevoked(revoked, batch);
        } else if (event instanceof CodeIssued code) {
            codeIssued(code, batch);
        } else if (event instanceof SessionStarted started) {
            sessionStarted(started, batch);
        } else if (event instanceof SessionEnded ended) {
            sessionEnded(ended, batch);
        } else if (event instanceof LoginFailed failed) {
            loginFailed(failed, batch);
        } else if (event instanceof AccountLocked locked) {
            accountLocked(locked, batch);
        } else if (event instanceof ConsentGranted consent) {
            consentGranted(consent, batch);
        } else if (event instanceof PasswordRehashed rehashed) {
            passwordRehashed(rehashed, batch);
        } else if (event instanceof AccountUnlocked unlocked) {
            operatorAction(unlocked, "account_unlocked", unlocked.subject(), unlocked.username(), unlocked.actor(),
                    batch);
        } else if (event instanceof UserDisabled disabled) {
            operatorAction(disabled, "user_disabled", disabled.subject(), disabled.username(), disabled.actor(),
                    batch);
        } else if (event instanceof ClientChanged changed) {
            batch.audit(new AuditRow(at(changed), changed.meta().id(), type(changed), "client_" + changed.change(),
                    AuditRow.SUCCESS, null, null, changed.clientId(), changed.meta().ip(), null,
                    detail("actor", changed.actor())));
        } else if (event instanceof UserEnabled enabled) {
            operatorAction(enabled, "user_enabled", enabled.subject(), enabled.username(), enabled.actor(), batch);
        } else if (event instanceof PasswordReset reset) {
            operatorAction(reset, "password_reset", reset.subject(), reset.username(), reset.actor(), batch)
                    .put("generated", reset.generated());
        } else if (event instanceof CasTicketIssued issued) {
            batch.audit(new AuditRow(at(issued), issued.meta().id(), type(issued), "cas_ticket_issued",
                    AuditRow.SUCCESS, issued.subject(), issued.username(), issued.serviceId(), issued.meta().ip(),
                    null, detail("kind", issued.kind(), "sid", issued.sessionId())));
        } else if (event instanceof CasTicketValidated validated) {
            batch.audit(new AuditRow(at(validated), validated.meta().id(), type(validated), "cas_ticket_validated",
                    "success".equals(validated.result()) ? AuditRow.SUCCESS : AuditRow.FAILURE, validated.subject(),
                    null, validated.serviceId(), validated.meta().ip(), null, detail("result", validated.result())));
        } else if (event instanceof CasLogoutSent sent) {
            batch.audit(new AuditRow(at(sent), sent.meta().id(), type(sent), "cas_logout",
                    sent.delivered() ? AuditRow.SUCCESS : AuditRow.FAILURE, sent.subject(), null, sent.serviceId(),
                    sent.meta().ip(), null, detail("channel", sent.channel(), "sid", sent.sessionId())));
        } else {
            throw new IllegalStateException("no projection for " + event.getClass().getSimpleName());
        }
    }

    private static void tokensIssued(TokensIssued e, ProjectionBatch batch) {
        Instant at = at(e);
        // The issuer stamps the event with the instant it read for the tokens' issue time (whole seconds).
        Instant issuedAt = Instant.ofEpochSecond(Math.floorDiv(e.meta().at(), 1000));
        Instant accessExpires = Instant.ofEpochSecond(e.accessTokenExpiresAt());
        batch.token(new TokenRow(e.accessTokenHash(), TokenRow.ACCESS_TOKEN, e.grantId(), e.clientId(), e.subject(),
                e.username(), e.scope(), e.grantType(), e.sessionId(), e.accessTokenFormat(), null, issuedAt,
                accessExpires, null, null, null, e.claims()));
        Instant familyExpires = accessExpires;
        if (e.refreshTokenHash() != null) {
            Instant refreshExpires = Instant.ofEpochSecond(e.refreshTokenExpiresAt());
            long authTime = e.authTime() != null ? e.authTime() : issuedAt.getEpochSecond();
            // A refresh that narrowed the access token's scope keeps the refresh token's own (RFC 6749 §6).
            String refreshScope = e.refreshTokenScope() != null ? e.refreshTokenScope() : e.scope();
            batch.token(new TokenRow(e.refreshTokenHash(), TokenRow.REFRESH_TOKEN, e.grantId(), e.clientId(),
                    e.subject(), e.username(), refreshScope, e.grantType(), e.sessionId(), null, authTime, issuedAt,
                    refreshExpires, null, null, null, e.claims()));
            familyExpires = Merge.latest(familyExpires, refreshExpires);
        }
        if (e.rotatedFromHash() != null) {
            batch.token(TokenRow.mention(e.rotatedFromHash(), TokenRow.REFRESH_TOKEN, e.grantId(), e.clientId())
                    .rotated(at));
        }
        if (e.codeHash() != null) {
            batch.token(TokenRow.mention(e.codeHash(), TokenRow.AUTHORIZATION_CODE, e.grantId(), e.clientId())
                    .redeemed(at));
        }
        batch.grant(new GrantRow(e.grantId(), e.clientId(), e.subject(), e.username(), e.grantType(),
                e.sessionId(), at, at, familyExpires, null, null));

        Map<String, Object> detail = detail("grant_type", e.grantType(), "scope", e.scope(),
                "access_token_format", e.accessTokenFormat());
        detail.put("refresh_token", e.refreshTokenHash() != null);
        detail.put("rotated", e.rotatedFromHash() != null);
        detail.put("code_redeemed", e.codeHash() != null);
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "token_issued", AuditRow.SUCCESS, e.subject(),
                e.username(), e.clientId(), e.meta().ip(), e.grantId(), detail));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.TOKENS_ISSUED));
        if (e.rotatedFromHash() != null) {
            batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.REFRESH_ROTATIONS));
        }
    }

    private static void tokenRevoked(TokenRevoked e, ProjectionBatch batch) {
        Instant at = at(e);
        String kind = e.tokenKind().toLowerCase(Locale.ROOT);
        batch.token(TokenRow.mention(e.tokenHash(), kind, e.grantId(), e.clientId())
                .revoked(new Ending(at, e.reason())));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "token_revoked", AuditRow.SUCCESS, null, null,
                e.clientId(), e.meta().ip(), e.grantId(), detail("token_kind", kind, "reason", e.reason())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.REVOCATIONS));
    }

    private static void grantRevoked(GrantRevoked e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.grant(new GrantRow(e.grantId(), e.clientId(), e.subject(), null, null, null, at, null, null,
                new Ending(at, e.reason()), at.plusSeconds(Math.max(1, e.keepSeconds()))));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "grant_revoked", AuditRow.SUCCESS, e.subject(), null,
                e.clientId(), e.meta().ip(), e.grantId(), withActor(detail("reason", e.reason()), e.actor())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.REVOCATIONS));
    }

    /** An operator's action names the operator, as the help-desk lines do. */
    private static Map<String, Object> withActor(Map<String, Object> detail, String actor) {
        if (actor != null) {
            detail.put("actor", actor);
        }
        return detail;
    }

    private static void codeIssued(CodeIssued e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.token(new TokenRow(e.codeHash(), TokenRow.AUTHORIZATION_CODE, e.grantId(), e.clientId(), e.subject(),
                null, e.scope(), "authorization_code", e.sessionId(), null, null,
                Instant.ofEpochSecond(Math.floorDiv(e.meta().at(), 1000)), Instant.ofEpochSecond(e.expiresAt()),
                null, null, null, e.claims()));
        batch.grant(new GrantRow(e.grantId(), e.clientId(), e.subject(), null, "authorization_code",
                e.sessionId(), at, null, null, null, null));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "code_issued", AuditRow.SUCCESS, e.subject(), null,
                e.clientId(), e.meta().ip(), e.grantId(), detail("scope", e.scope())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.CODES_ISSUED));
    }

    private static void sessionStarted(SessionStarted e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.session(new SessionRow(e.sessionHash(), e.sid(), e.subject(), e.username(), e.clientId(),
                e.authTime(), at, e.idleExpiresAt() - e.authTime(), Instant.ofEpochSecond(e.absoluteExpiresAt()),
                null));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "login", AuditRow.SUCCESS, e.subject(), e.username(),
                e.clientId(), e.meta().ip(), null, detail("sid", e.sid())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.LOGINS));
    }

    private static void sessionEnded(SessionEnded e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.session(new SessionRow(e.sessionHash(), null, e.subject(), null, null, null, null, null, null,
                new Ending(at, e.reason())));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "logout", AuditRow.SUCCESS, e.subject(), null, null,
                e.meta().ip(), null, withActor(detail("reason", e.reason()), e.actor())));
    }

    private static void loginFailed(LoginFailed e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "login", AuditRow.FAILURE, null, e.username(),
                e.clientId(), e.meta().ip(), null, detail("reason", e.reason())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.LOGIN_FAILURES));
    }

    private static void accountLocked(AccountLocked e, ProjectionBatch batch) {
        Instant at = at(e);
        Map<String, Object> detail = detail("target", e.target(), "target_kind", e.targetKind());
        detail.put("failures", e.failures());
        detail.put("locked_until", e.lockedUntil());
        String username = "user".equals(e.targetKind()) ? e.target() : null;
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "account_locked", "locked", null, username, null,
                e.meta().ip(), null, detail));
    }

    private static void consentGranted(ConsentGranted e, ProjectionBatch batch) {
        Instant at = at(e);
        batch.consent(new ConsentRow(e.subject(), e.clientId(), new TreeSet<>(Scopes.parse(e.scope())), at, at));
        batch.audit(new AuditRow(at, e.meta().id(), type(e), "consent", AuditRow.SUCCESS, e.subject(), null,
                e.clientId(), e.meta().ip(), null, detail("scope", e.scope())));
        batch.count(ClientMinute.one(e.clientId(), at, ClientCounter.CONSENTS));
    }

    /** The audit line names who and when, never the hash. */
    private static void passwordRehashed(PasswordRehashed e, ProjectionBatch batch) {
        batch.passwordChange(new PasswordChange(e.subject(), e.passwordHash(), e.replacedHashSha256()));
        batch.audit(new AuditRow(at(e), e.meta().id(), type(e), "password_rehashed", AuditRow.SUCCESS, e.subject(),
                e.username(), null, e.meta().ip(), null, detail("reason", "stored hash was not current")));
    }

    /**
     * A help-desk operation on a user account: one audit line naming the operator as actor.
     *
     * @return the line's detail, for facts particular to the operation
     */
    private static Map<String, Object> operatorAction(LifecycleEvent e, String action, String subject,
                                                      String username, String actor, ProjectionBatch batch) {
        Map<String, Object> detail = detail("actor", actor);
        batch.audit(new AuditRow(at(e), e.meta().id(), type(e), action, AuditRow.SUCCESS, subject, username, null,
                e.meta().ip(), null, detail));
        return detail;
    }

    private static Instant at(LifecycleEvent event) {
        return Instant.ofEpochMilli(event.meta().at());
    }

    private static String type(LifecycleEvent event) {
        return event.getClass().getSimpleName();
    }

    /** Pairs of name and value; null values are left out. */
    private static Map<String, Object> detail(String... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put(pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }
}
