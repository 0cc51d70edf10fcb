package edu.lanyard.dialects.maxkey;

import edu.lanyard.dialects.ProfileFields;
import edu.lanyard.dialects.ProfileSource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MaxKey derivative behind {@code /api/sso} (docs/products.md B): MaxKey 3.5–4.0 with the userinfo also at
 * {@code /authz/oauth/v20/me} and an extra {@code id} field. Everything else is MaxKey's.
 */
public final class AuthzDialect extends MaxKeyDialect {
    public AuthzDialect(String prefix, MaxKeyOptions options) {
        super(prefix, MaxKeyProduct.AUTHZ_DESCRIPTOR, options);
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
        p.put("state", workRegion(f));
        p.put("department", f.textOrEmpty("department"));
        p.put("user", f.textOrEmpty("user"));
        p.put("email", f.textOrEmpty("email"));
        p.put("username", f.textOrEmpty("username"));
        return p;
    }
}
