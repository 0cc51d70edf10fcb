/**
 * The browser-facing presentation of sign-in: pages, language, assets, security headers and CSRF tokens.
 * The authorize flow decides; this package only shows.
 *
 * <p>Wiring, once at start:
 * <pre>{@code
 * Assets assets = Assets.load();
 * PageRenderer pages = PageRenderer.create(assets);          // compiles all templates now
 * CsrfTokens csrf = new CsrfTokens(sharedKeyBytes);           // same key on every node
 * router.route().handler(new SecurityHeaders());              // before any page route
 * router.get("/assets/*").handler(new AssetsHandler(assets));
 * }</pre>
 *
 * <p>Per request (on the event loop; rendering is CPU-only, ~10 µs):
 * <pre>{@code
 * PageContext context = PageContext.of(ctx, pending.uiLocales(), "/authorize/login?rid=" + rid);
 * SecurityHeaders.allowFormRedirectTo(ctx, pending.redirectUri()); // the POST will 303 there
 * LoginPage page = new LoginPage(context, client.name(), "/authorize/login", rid, csrf.issue(ctx, rid),
 *         loginHint, null);
 * HtmlResponse.send(ctx, page.render(pages));
 * // on POST: csrf.verify(ctx, rid) — false means re-render with LoginProblem.FORM_EXPIRED
 * }</pre>
 */
package edu.lanyard.authorize.page;
