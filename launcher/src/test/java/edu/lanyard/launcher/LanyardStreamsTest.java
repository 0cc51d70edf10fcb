package edu.lanyard.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which commands put the redacting streams in front of stderr and stdout. */
class LanyardStreamsTest {
    @Test
    void everyCommandThatRunsOrFeedsAServiceRedactsItsOutput() {
        for (String command : new String[]{"dev", "serve", "migrate", "import", "replay"}) {
            assertTrue(Lanyard.redactsStandardStreams(new String[]{command, "--config", "x.yaml"}), command);
        }
    }

    @Test
    void theAdminCommandPrintsCredentialsOnPurpose() {
        // "admin new-token" prints the new token and "admin hash-password" prompts without a newline.
        assertFalse(Lanyard.redactsStandardStreams(new String[]{"admin", "new-token"}));
        assertFalse(Lanyard.redactsStandardStreams(new String[]{}));
        assertFalse(Lanyard.redactsStandardStreams(new String[]{"help"}));
    }
}
