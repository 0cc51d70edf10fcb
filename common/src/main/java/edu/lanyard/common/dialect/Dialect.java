package edu.lanyard.common.dialect;

import edu.lanyard.common.http.OAuthError;
import edu.lanyard.common.http.RequestParams;
import edu.lanyard.common.token.ActiveToken;
import edu.lanyard.common.token.TokenFormat;
import edu.lanyard.common.token.TokenResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * Everything in which one product's wire format differs from another's: where parameters and credentials come from,
 * which token strings it mints, and how results and errors look. Grant handlers, stores and events never see which
 * dialect called them (design.md, dialects.md decision 1).
 */
public interface Dialect {

    String name();

    /** Where request parameters are read from, in precedence order. */
    List<RequestParams.Source> parameterSources();

    /** Standard OAuth rejects repeated parameters; servlet-based products took the first value. */
    boolean rejectsRepeatedParameters();

    /** Standard OAuth requires a form body on POST; several products accept an empty body with URL parameters. */
    boolean requiresFormContentType();

    TokenFormat tokenFormat();

    void renderToken(RoutingContext ctx, TokenResponse response);

    void renderError(RoutingContext ctx, OAuthError error);

    void renderIntrospection(RoutingContext ctx, Optional<ActiveToken> token);

    default RequestParams params(RoutingContext ctx) {
        RequestParams params = RequestParams.from(ctx, parameterSources());
        return rejectsRepeatedParameters() ? params.rejectRepeated() : params;
    }
}
