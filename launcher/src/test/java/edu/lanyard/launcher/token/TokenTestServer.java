package edu.lanyard.launcher.token;

import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.launcher.LanyardTestServer;

import java.util.Map;

/**
 * One server with {@code token-clients.yaml} shared by the token test classes that only read and write their own
 * tokens; tests that stop the broker or count metrics start their own.
 */
final class TokenTestServer {
    private static LanyardTestServer shared;

    private TokenTestServer() {
    }

    static synchronized LanyardTestServer shared() {
        if (shared == null) {
            shared = LanyardTestServer.start(Map.of(), LanyardTestServer.resource("/token-clients.yaml"));
            TestInfrastructure.shared().closeAtExit(shared);
        }
        return shared;
    }
}
