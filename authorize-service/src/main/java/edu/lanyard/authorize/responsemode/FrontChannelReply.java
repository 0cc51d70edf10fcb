package edu.lanyard.authorize.responsemode;

/** What an authorization response becomes on the wire, before it is written to the browser. */
public sealed interface FrontChannelReply {

    /** A redirect to {@code location} (302, or 303 after a form post). */
    record Redirect(String location) implements FrontChannelReply {
    }

    /**
     * A page whose form the browser posts to {@code action} at once. The page's Content-Security-Policy must let the
     * form post there and allow the one inline script by its hash ({@link #SCRIPT_SHA256}).
     */
    record AutoPostForm(String action, String html) implements FrontChannelReply {
        public static final String SCRIPT_SHA256 = FormPostPage.SCRIPT_SHA256;

        /** The page posting {@code params} to {@code action} (also CAS's {@code method=POST}). */
        public static AutoPostForm of(String action, java.util.Map<String, String> params) {
            return new AutoPostForm(action, FormPostPage.render(action, params));
        }
    }
}
