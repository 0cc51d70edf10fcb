package edu.lanyard.dialects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MaxKey derivative behind {@code /api/sso} (docs/products.md B): MaxKey 3.5–4.0 with the userinfo also at
 * {@code /authz/oauth/v20/me} and an extra {@code id} field. Everything else is MaxKey's.
 */
public final class AuthzDialect extends MaxKeyDialect {
    public static final String NAME = "authz";

    public AuthzDialect(String prefix, MaxKeyOptions options) {
        super(prefix, options);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DialectEndpoint> authorizeEndpoints() {
        return List.of(DialectEndpoint.getOrPost("/authz/oauth/v20/authorize"));
    }

    @Override
    public List<DialectEndpoint> tokenEndpoints() {
        return List.of(DialectEndpoint.getOrPost("/authz/oauth/v20/token"));
    }

    @Override
    public List<DialectEndpoint> profileEndpoints() {
        return List.of(DialectEndpoint.getOrPost("/authz/oauth/v20/me"),
                DialectEndpoint.getOrPost("/api/oauth/v20/me"));
    }

    /** Exactly the product's keys, in the product's order (a HashMap's iteration order in the product). */
    @Override
    protected Map<String, Object> profile(ProfileSource source) {
        ProfileFields f = fields(source);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("birthday", f.text("birthday"));
        p.put("gender", gender(f.text("gender")));
        p.put("displayName", f.textOrEmpty("displayName"));
        p.put("departmentId", f.textOrEmpty("departmentId"));
        p.put("mobile", f.textOrEmpty("mobile"));
        p.put("createdate", createdate(source));
        p.put("title", f.textOrEmpty("title"));
        p.put("userId", f.textOrEmpty("userId"));
        p.put("online_ticket", onlineTicket(source));
        p.put("employeeNumber", f.textOrEmpty("employeeNumber"));
        p.put("realname", f.textOrEmpty("realname"));
        p.put("institution", f.textOrEmpty("institution"));
        p.put("randomId", java.util.UUID.randomUUID().toString());
        p.put("id", f.textOrEmpty("userId"));
        p.put("state", f.textOrEmpty("state"));
        p.put("department", f.textOrEmpty("department"));
        p.put("user", f.textOrEmpty("user"));
        p.put("email", f.textOrEmpty("email"));
        p.put("username", f.textOrEmpty("username"));
        return p;
    }
}
