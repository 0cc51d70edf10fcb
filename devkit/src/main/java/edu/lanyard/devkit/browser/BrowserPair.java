package edu.lanyard.devkit.browser;

import java.io.IOException;

/**
 * The two browsers the sign-in tests use: one that prefers English and one that prefers Simplified Chinese, so
 * both languages of every page are exercised.
 */
public record BrowserPair(BrowserFixture english, BrowserFixture chinese) implements AutoCloseable {

    public static BrowserPair start() throws IOException {
        BrowserFixture english = BrowserFixture.start("en-US,en");
        try {
            return new BrowserPair(english, BrowserFixture.start("zh-CN,zh"));
        } catch (IOException | RuntimeException e) {
            english.close();
            throw e;
        }
    }

    /** Before each test: no cookies, no device emulation, no console messages left from the previous one. */
    public void reset() {
        for (BrowserFixture browser : new BrowserFixture[]{english, chinese}) {
            browser.resetEmulation();
            browser.driver().manage().deleteAllCookies();
            browser.takeConsole();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            english.close();
        } finally {
            chinese.close();
        }
    }
}
