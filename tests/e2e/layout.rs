//! A layout that never breaks: in every language, in the light and the dark theme and at both
//! window widths, each state a person reaches (the cards with a notice, a connection's Details
//! with everything in them open, the Disconnect question, the question before a second
//! connection, the scope chooser, a connect form, Settings, a connection that needs the person) is looked
//! at, and no element's box may leave its card, no card may scroll sideways, and no clipped box
//! may hold more than it shows (`scrollWidth > clientWidth`). With `PLUGBOARD_E2E_SCREENSHOTS`
//! set, each state is saved as a picture to look at.

use std::time::Duration;

use plugboard_e2e::{test_home, App};

use crate::helpers::{click_css, click_until_shown, close_details, open_details};

/// Every way the page can break its own layout, as lines ("" when none).
const CHECK: &str = r#"
const out = [];
const boxes = [...document.querySelectorAll('section[data-provider]'), document.getElementById('settings'),
  document.getElementById('notices'), document.querySelector('.needs-you-bar'), document.querySelector('footer')]
  .filter((b) => b && b.getClientRects().length);
for (const card of boxes) {
  const name = card.dataset.provider || card.id;
  const box = card.getBoundingClientRect();
  if (card.scrollWidth > card.clientWidth + 1) out.push(`${name}: its content is ${card.scrollWidth}px wide in ${card.clientWidth}px`);
  if (card.scrollLeft > 0) out.push(`${name}: scrolled ${card.scrollLeft}px sideways`);
  for (const el of card.querySelectorAll('*')) {
    if (!el.getClientRects().length || el.closest('.visually-hidden')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const what = `<${el.tagName.toLowerCase()}${el.className ? ' class="' + el.className + '"' : ''}> "${(el.textContent || '').trim().slice(0, 40)}"`;
    if (r.right > box.right + 1 || r.left < box.left - 1)
      out.push(`${name}: ${what} spans ${Math.round(r.left - box.left)}..${Math.round(r.right - box.left)} of 0..${Math.round(box.width)}`);
    const style = getComputedStyle(el);
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      out.push(`${name}: ${what} is clipped (${el.scrollWidth}px in ${el.clientWidth}px)`);
  }
}
// Text a person must read: 4.5:1 against what is behind it (3:1 when large or bold and large),
// WCAG 1.4.3, in either theme.
// "rgb(r, g, b[, a])", or "color(srgb r g b[ / a])" (0..1) for a colour WebKit mixed.
const rgb = (c) => {
  const n = (c.match(/[\d.]+/g) || []).map(Number);
  return c.startsWith('color(') ? n.map((v, i) => (i < 3 ? v * 255 : v)) : n;
};
const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const behind = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c;
  }
  return rgb(getComputedStyle(document.body).backgroundColor);
};
for (const box of boxes) {
  for (const el of [box, ...box.querySelectorAll('*')]) {
    if (!el.getClientRects().length || el.closest('.visually-hidden')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) < 0.5) continue;
    const [fg, bg] = [lum(rgb(style.color)), lum(behind(el))];
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) - 0.05)
      out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> "${el.textContent.trim().slice(0, 30)}" reads at ${ratio.toFixed(2)}:1`);
  }
}
// Details read as a table: each label on its value's line (their first lines' bottoms within
// 3 px), and every value, the access token's too, starting in one column.
const firstLine = (el) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? 1 : 3) });
  const node = walker.nextNode();
  if (!node) return null;
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getClientRects()[0] || null;
};
for (const list of document.querySelectorAll('.details-list')) {
  if (!list.getClientRects().length) continue;
  let column = null;
  for (const dt of list.querySelectorAll(':scope > dt')) {
    const dd = dt.nextElementSibling;
    const [a, b] = [firstLine(dt), dd && firstLine(dd)];
    if (!a || !b) continue;
    if (Math.abs(a.bottom - b.bottom) > 3)
      out.push(`Details: "${dt.textContent}" sits ${Math.round(b.bottom - a.bottom)}px off its value's line`);
    const left = Math.round(dd.getBoundingClientRect().left);
    const inner = dd.firstElementChild ? Math.round(dd.firstElementChild.getBoundingClientRect().left) : left;
    if (column === null) column = left;
    if (left !== column || inner !== left)
      out.push(`Details: the value of "${dt.textContent}" starts at ${inner}px, not in the column at ${column}px`);
  }
}
// A URL in Try it's answer breaks at the edge, never at its own hyphens ("access / -tokens").
for (const url of document.querySelectorAll('.try-request')) {
  if (url.getClientRects().length && getComputedStyle(url).wordBreak !== 'break-all')
    out.push(`Try it: the URL may break at its own hyphens (word-break: ${getComputedStyle(url).wordBreak})`);
}
// The widest first: the one that pushes the others out is usually among them.
out.sort((a, b) => (b.includes('clipped') ? 0 : 1) - (a.includes('clipped') ? 0 : 1));
const wide = [...document.querySelectorAll('section[data-provider] *')]
  .filter((el) => el.getClientRects().length && (el.getBoundingClientRect().width > el.closest('section').clientWidth + 1
    || el.getBoundingClientRect().right > el.closest('section').getBoundingClientRect().right + 1))
  .slice(-4).map((el) => `too wide: <${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().width)}px`);
return [...wide, ...out].slice(0, 16).join('\n');
"#;

async fn check(app: &App, at: &str, state: &str) {
    // A moment for the layout to settle (a row drawn anew, a form opening).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let broken = app.script(CHECK).await;
    let broken = broken.as_str().unwrap_or_default();
    app.screenshot(&format!("{at} {state}").replace(' ', "-").replace('\'', ""))
        .await;
    assert!(
        broken.is_empty(),
        "{at}, {state}: the layout breaks:\n{broken}"
    );
}

/// Clicks the first shown element matching `css` in the page's own script (a button under a
/// form that just opened may be found before it is laid out).
async fn click_shown(app: &App, css: &str) {
    app.script(&format!(
        "const b = [...document.querySelectorAll({css:?})].find((b) => b.getClientRects().length); \
         if (b) b.click(); return ''"
    ))
    .await;
}

/// Waits until nothing matches `css`.
async fn wait_gone(app: &App, css: &str) {
    for _ in 0..100 {
        if app
            .client
            .find(fantoccini::Locator::Css(css))
            .await
            .is_err()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` stayed");
}

/// Closes the form open in `provider`'s card by its Cancel, and waits until it is gone (clicked
/// in the page: a pointer resting over a tooltip must not swallow it).
async fn close_form(app: &App, provider: &str) {
    let form = format!("section[data-provider='{provider}'] > .form-slot form");
    for _ in 0..50 {
        let gone = app
            .script(&format!(
                "const f = document.querySelector({form:?}); \
                 if (f) f.querySelector(\"[data-action='cancel-form']\").click(); \
                 return !document.querySelector({form:?})"
            ))
            .await;
        if gone == serde_json::json!(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the form in the {provider} card would not close");
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn every_state_keeps_its_layout_in_every_language_theme_and_width() {
    for lang in ["en", "pt-BR", "es"] {
        for (theme, gtk) in [("light", "Adwaita"), ("dark", "Adwaita:dark")] {
            let dir = test_home().join(format!("layout-{lang}-{theme}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let env = [("PLUGBOARD_LOCALE", lang), ("GTK_THEME", gtk)];
            let app = App::launch_demo_home_env(&dir, &[], &env).await;
            let dark = app
                .script("return matchMedia('(prefers-color-scheme: dark)').matches")
                .await;
            assert_eq!(
                dark,
                serde_json::json!(theme == "dark"),
                "{lang}: the {theme} theme"
            );
            app.invoke(
                "begin_sign_in",
                serde_json::json!({ "provider": "hubspot" }),
            )
            .await
            .expect("begin the HubSpot sign-in");
            let row = "li[data-connection^='hubspot-']";
            app.wait_for_css(&format!("{row}[data-health='connected']"))
                .await;
            for width in [980, 1280] {
                let at = format!("{lang} {theme} {width}");
                app.client.set_window_size(width, 760).await.unwrap();
                check(&app, &at, "the cards").await;
                open_details(&app, row).await;
                check(&app, &at, "Details open").await;
                // Everything Details can open at once: Try it's answer, the rename form, the
                // chooser for more access, the refresh token's question.
                click_until_shown(
                    &app,
                    &format!("{row} [data-action='try']"),
                    "//li[starts-with(@data-connection, 'hubspot-')]//*[contains(@class, 'try-request')]",
                )
                .await;
                click_shown(&app, &format!("{row} [data-action='rename']")).await;
                click_shown(&app, &format!("{row} [data-action='more-scopes']")).await;
                click_until_shown(
                    &app,
                    &format!("{row} [data-action='ask-refresh-token']"),
                    "//li[starts-with(@data-connection, 'hubspot-')]//div[@class='confirm']",
                )
                .await;
                check(&app, &at, "Details with all open").await;
                click_shown(&app, &format!("{row} [data-action='disconnect']")).await;
                app.wait_for_css(&format!("{row} .confirm-disconnect:not([hidden])"))
                    .await;
                check(&app, &at, "the Disconnect question").await;
                click_shown(&app, &format!("{row} [data-action='cancel-disconnect']")).await;
                wait_gone(&app, &format!("{row} .confirm-disconnect:not([hidden])")).await;
                close_details(&app, row).await;
                // A second HubSpot connection: asked about, then the scope chooser.
                click_shown(
                    &app,
                    "section[data-provider='hubspot'] [data-action='connect']",
                )
                .await;
                app.wait_for_css("section[data-provider='hubspot'] .confirm-another")
                    .await;
                check(&app, &at, "the question before a second connection").await;
                click_shown(
                    &app,
                    "section[data-provider='hubspot'] [data-action='confirm-another']",
                )
                .await;
                app.wait_for_css("section[data-provider='hubspot'] form.scope-form")
                    .await;
                check(&app, &at, "the scope chooser").await;
                close_form(&app, "hubspot").await;
                // Hotmart's connect form.
                click_shown(
                    &app,
                    "section[data-provider='hotmart'] [data-action='connect']",
                )
                .await;
                app.wait_for_css("section[data-provider='hotmart'] form.connect-form")
                    .await;
                check(&app, &at, "Hotmart's connect form").await;
                close_form(&app, "hotmart").await;
                click_css(&app, "#open-settings").await;
                check(&app, &at, "Settings").await;
                click_css(&app, "#close-settings").await;
            }
            // A connection that needs the person: its notice, the line at the top, the row's
            // Reconnect.
            app.simulator_faults(serde_json::json!({"refresh_invalid_grant": true}))
                .await;
            click_css(&app, &format!("{row} [data-action='refresh']")).await;
            app.wait_for_css(&format!("{row}[data-health='reconnect_needed']"))
                .await;
            app.wait_for_css("#needs-you:not([hidden])").await;
            for width in [980, 1280] {
                app.client.set_window_size(width, 760).await.unwrap();
                let at = format!("{lang} {theme} {width}");
                app.script("window.scrollTo(0, 0); return ''").await;
                check(&app, &at, "a connection that needs you").await;
            }
            app.simulator_faults(serde_json::json!({})).await;
            app.close().await;
        }
    }
}
