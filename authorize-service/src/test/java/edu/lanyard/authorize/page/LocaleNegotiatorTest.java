package edu.lanyard.authorize.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static edu.lanyard.authorize.page.UiLocale.EN;
import static edu.lanyard.authorize.page.UiLocale.ZH_CN;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LocaleNegotiatorTest {

    @ParameterizedTest(name = "Accept-Language: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN,zh;q=0.9,en;q=0.8         | ZH_CN",
            "en-US,en;q=0.9,zh-CN;q=0.8      | EN",
            "en;q=0.5,zh;q=0.9               | ZH_CN",
            "fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.7 | ZH_CN",
            "fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.7  | EN",
            "zh;q=0,en;q=0.1                 | EN",
            "zh-Hans-CN                      | ZH_CN",
            "zh_CN                           | ZH_CN",
            "ZH-cn                           | ZH_CN",
            "de,ja                           | EN",
            "*                               | EN",
            "zh;q=0.8,en;q=0.8               | ZH_CN",
            "en;q=0.8,zh;q=0.8               | EN",
            "zh;q=abc,en                     | EN",
            "'   '                           | EN",
    })
    void acceptLanguageRespectsQValues(String header, UiLocale expected) {
        assertEquals(expected, LocaleNegotiator.negotiate(null, null, null, header));
    }

    @Test
    void defaultsToEnglish() {
        assertEquals(EN, LocaleNegotiator.negotiate(null, null, null, null));
    }

    @Test
    void uiLocalesBeatCookieAndHeaderAndTakeTheFirstSupported() {
        assertEquals(ZH_CN, LocaleNegotiator.negotiate(null, "fr zh-CN en", "en", "en"));
        assertEquals(EN, LocaleNegotiator.negotiate(null, "ja en-GB", "zh-CN", "zh-CN"));
    }

    @Test
    void unsupportedUiLocalesFallThrough() {
        assertEquals(ZH_CN, LocaleNegotiator.negotiate(null, "fr de", "zh-CN", "en"));
        assertEquals(ZH_CN, LocaleNegotiator.negotiate(null, "fr", null, "zh"));
    }

    @Test
    void cookieBeatsAcceptLanguage() {
        assertEquals(EN, LocaleNegotiator.negotiate(null, null, "en", "zh-CN"));
        assertEquals(ZH_CN, LocaleNegotiator.negotiate(null, null, "zh-CN", "en-US"));
    }

    @Test
    void explicitLangParameterBeatsEverything() {
        assertEquals(EN, LocaleNegotiator.negotiate("en", "zh-CN", "zh-CN", "zh-CN"));
        assertEquals(ZH_CN, LocaleNegotiator.negotiate("zh-CN", "en", "en", "en"));
    }

    @Test
    void garbageLangParameterIsIgnored() {
        assertEquals(ZH_CN, LocaleNegotiator.negotiate("klingon", null, null, "zh"));
    }
}
