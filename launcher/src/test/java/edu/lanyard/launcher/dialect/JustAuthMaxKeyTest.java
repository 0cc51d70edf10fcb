package edu.lanyard.launcher.dialect;

import com.alibaba.fastjson.JSONObject;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.LanyardTestServer;
import me.zhyd.oauth.config.AuthConfig;
import me.zhyd.oauth.config.AuthSource;
import me.zhyd.oauth.exception.AuthException;
import me.zhyd.oauth.model.AuthCallback;
import me.zhyd.oauth.model.AuthResponse;
import me.zhyd.oauth.model.AuthToken;
import me.zhyd.oauth.model.AuthUser;
import me.zhyd.oauth.request.AuthDefaultRequest;
import me.zhyd.oauth.request.AuthRequest;
import me.zhyd.oauth.utils.AuthStateUtils;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JustAuth 1.16.7 with a custom MaxKey source, the way RuoYi-style apps integrate MaxKey ("第三方登录"): the
 * authorize URL from JustAuth, the user signs in on Lanyard's page, the callback's code and state go to
 * {@code AuthRequest.login}, which exchanges the code (POST with everything in the URL) and reads {@code /me}.
 */
class JustAuthMaxKeyTest {
    private static final String CALLBACK = "http://127.0.0.1:18080/social-login/callback/maxkey";
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    /** What such an app configures: only the MaxKey base URL, now Lanyard's /sign mount. */
    private AuthSource maxKey() {
        String server = base + "/sign";
        return new AuthSource() {
            @Override
            public String authorize() {
                return server + "/authz/oauth/v20/authorize";
            }

            @Override
            public String accessToken() {
                return server + "/authz/oauth/v20/token";
            }

            @Override
            public String userInfo() {
                return server + "/api/oauth/v20/me";
            }

            @Override
            public String getName() {
                return "MAXKEY";
            }

            @Override
            public Class<? extends AuthDefaultRequest> getTargetClass() {
                return AuthMaxKeyRequest.class;
            }
        };
    }

    /** The request class such apps copy: MaxKey's token JSON and /me fields mapped onto JustAuth's model. */
    static final class AuthMaxKeyRequest extends AuthDefaultRequest {
        AuthMaxKeyRequest(AuthConfig config, AuthSource source) {
            super(config, source);
        }

        @Override
        public AuthToken getAccessToken(AuthCallback callback) {
            JSONObject body = JSONObject.parseObject(doPostAuthorizationCode(callback.getCode()));
            if (body.containsKey("error")) {
                throw new AuthException(body.getString("error_description"));
            }
            return AuthToken.builder()
                    .accessToken(body.getString("access_token"))
                    .refreshToken(body.getString("refresh_token"))
                    .tokenType(body.getString("token_type"))
                    .expireIn(body.getIntValue("expires_in"))
                    .scope(body.getString("scope"))
                    .build();
        }

        @Override
        public AuthUser getUserInfo(AuthToken token) {
            JSONObject body = JSONObject.parseObject(doGetUserInfo(token));
            if (body.containsKey("error")) {
                throw new AuthException(body.getString("error_description"));
            }
            return AuthUser.builder()
                    .uuid(body.getString("userId"))
                    .username(body.getString("username"))
                    .nickname(body.getString("displayName"))
                    .email(body.getString("email"))
                    .rawUserInfo(body)
                    .token(token)
                    .source(source.toString())
                    .build();
        }
    }

    @Test
    void ruoYiStyleLoginThroughJustAuth() {
        AuthRequest request = new AuthMaxKeyRequest(AuthConfig.builder().clientId("ruoyi")
                .clientSecret("ruoyi-secret-0123456789").redirectUri(CALLBACK).build(), maxKey());
        String state = AuthStateUtils.createState();
        String authorizeUrl = request.authorize(state);
        assertTrue(authorizeUrl.startsWith(base + "/sign/authz/oauth/v20/authorize?"), authorizeUrl);

        String callback = new Browser(base).authorize(authorizeUrl, "admin", "admin-pass");
        assertTrue(callback.startsWith(CALLBACK + "?"), callback);
        Map<String, String> params = Wire.query(callback);
        assertEquals(state, params.get("state"));

        AuthResponse<AuthUser> login = request.login(AuthCallback.builder().code(params.get("code"))
                .state(params.get("state")).build());
        assertTrue(login.ok(), login.getMsg());
        AuthUser user = login.getData();
        assertEquals("1", user.getUuid());
        assertEquals("admin", user.getUsername());
        assertEquals("系统管理员", user.getNickname());
        Wire.matches(Wire.UUID4, user.getToken().getAccessToken());
        assertEquals("bearer", user.getToken().getTokenType());
        assertTrue(user.getRawUserInfo().containsKey("online_ticket"));
    }

    @Test
    void aReplayedCodeFailsTheLoginCleanly() {
        AuthRequest request = new AuthMaxKeyRequest(AuthConfig.builder().clientId("ruoyi")
                .clientSecret("ruoyi-secret-0123456789").redirectUri(CALLBACK).build(), maxKey());
        String state = AuthStateUtils.createState();
        Map<String, String> params = Wire.query(new Browser(base).authorize(request.authorize(state), "admin",
                "admin-pass"));
        AuthCallback callback = AuthCallback.builder().code(params.get("code")).state(state).build();
        assertTrue(request.login(callback).ok());
        String second = request.authorize(state);
        assertTrue(second.contains("state=" + state));
        AuthResponse<AuthUser> replay = request.login(callback);
        assertTrue(!replay.ok(), "a used code is invalid_grant (HTTP 200 JSON) and JustAuth reports it");
    }
}
