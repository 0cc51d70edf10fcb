package edu.lanyard.core.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One decision that changed state. The Kafka topic of these events is the system of record for the token lifecycle;
 * everything in Postgres is a projection of it. Events carry token hashes, never tokens.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TokensIssued.class),
        @JsonSubTypes.Type(TokenRevoked.class),
        @JsonSubTypes.Type(GrantRevoked.class),
        @JsonSubTypes.Type(CodeIssued.class),
        @JsonSubTypes.Type(SessionStarted.class),
        @JsonSubTypes.Type(SessionEnded.class),
        @JsonSubTypes.Type(LoginFailed.class),
        @JsonSubTypes.Type(AccountLocked.class),
        @JsonSubTypes.Type(ConsentGranted.class),
        @JsonSubTypes.Type(PasswordRehashed.class),
        @JsonSubTypes.Type(AccountUnlocked.class),
        @JsonSubTypes.Type(UserDisabled.class),
        @JsonSubTypes.Type(UserEnabled.class),
        @JsonSubTypes.Type(PasswordReset.class),
        @JsonSubTypes.Type(ClientChanged.class),
        @JsonSubTypes.Type(CasTicketIssued.class),
        @JsonSubTypes.Type(CasTicketValidated.class),
        @JsonSubTypes.Type(CasLogoutSent.class)
})
public sealed interface LifecycleEvent permits TokensIssued, TokenRevoked, GrantRevoked, CodeIssued, SessionStarted,
        SessionEnded, LoginFailed, AccountLocked, ConsentGranted, PasswordRehashed, AccountUnlocked, UserDisabled,
        UserEnabled, PasswordReset, ClientChanged, CasTicketIssued, CasTicketValidated, CasLogoutSent {

    EventMeta meta();

    /** The Kafka record key: a token family (grant id) or a session stays ordered in one partition. */
    @JsonIgnore
    String key();
}
