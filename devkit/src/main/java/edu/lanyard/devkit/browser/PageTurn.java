package edu.lanyard.devkit.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Waits for a page the browser is leaving (after a form submit or a click on a link) to be gone. */
public final class PageTurn {

    private static final Duration PATIENCE = Duration.ofSeconds(30);   // generous: a loaded CI machine, and only a failure waits it out

    private PageTurn() {
    }

    /**
     * Returns once {@code elementOfOldPage} no longer belongs to the shown document. Chromium reports that as a stale
     * element or, caught mid-navigation, as an "unhandled inspector error: node does not belong to the document";
     * Selenium's {@code stalenessOf} knows only the first, so a submit that raced the check failed the test.
     */
    public static void awaitLeft(WebDriver driver, WebElement elementOfOldPage) {
        new WebDriverWait(driver, PATIENCE).until(shown -> {
            try {
                elementOfOldPage.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }
}
