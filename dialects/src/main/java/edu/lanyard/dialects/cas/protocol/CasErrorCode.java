package edu.lanyard.dialects.cas.protocol;

/** The validation failure codes of CAS Protocol 3.0 §2.5.3, written exactly so. */
public enum CasErrorCode {
    /** Not all of the required parameters were present (or one was repeated or malformed). */
    INVALID_REQUEST,
    /** The ticket is no ticket this endpoint validates (a proxy ticket at serviceValidate, a renew mismatch). */
    INVALID_TICKET_SPEC,
    /** The service may not get proxy tickets. */
    UNAUTHORIZED_SERVICE_PROXY,
    /** The proxy callback was refused: not https, not allowed, or it did not answer 200. */
    INVALID_PROXY_CALLBACK,
    /** Unknown, expired or already validated. */
    INVALID_TICKET,
    /** The ticket was issued for another service. */
    INVALID_SERVICE,
    /** Something went wrong on our side. */
    INTERNAL_ERROR
}
