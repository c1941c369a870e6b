//! A layout that never breaks: in every language and at both window widths, each state a person
//! reaches (the cards, a connection's Details, the Disconnect question, a connect form, Settings)
//! is looked at, and no element's box may leave its card, no card may scroll sideways, and no
//! clipped box may hold more than it shows (`scrollWidth > clientWidth`).

use std::time::Duration;

use plugboard_e2e::{test_home, App};

use crate::helpers::{click_css, close_details, open_details};

/// Every way the page can break its own layout, as lines ("" when none).
const CHECK: &str = r#"
const out = [];
const boxes = [...document.querySelectorAll('section[data-provider]'), document.getElementById('settings')]
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
// The widest first: the one that pushes the others out is usually among them.
out.sort((a, b) => (b.includes('clipped') ? 0 : 1) - (a.includes('clipped') ? 0 : 1));
const wide = [...document.querySelectorAll('section[data-provider] *')]
  .filter((el) => el.getClientRects().length && (el.getBoundingClientRect().width > el.closest('section').clientWidth + 1
    || el.getBoundingClientRect().right > el.closest('section').getBoundingClientRect().right + 1))
  .slice(-4).map((el) => `too wide: <${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(el.getBoundingClientRect().width)}px`);
return [...wide, ...out].slice(0, 16).join('\n');
"#;

async fn check(app: &App, lang: &str, width: u32, state: &str) {
    // A moment for the layout to settle (a row drawn anew, a form opening).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let broken = app.script(CHECK).await;
    let broken = broken.as_str().unwrap_or_default();
    assert!(
        broken.is_empty(),
        "{lang} at {width} px, {state}: the layout breaks:\n{broken}"
    );
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn every_state_keeps_its_layout_in_every_language_at_every_width() {
    for lang in ["en", "pt-BR", "es"] {
        let dir = test_home().join(format!("layout-{lang}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let app = App::launch_demo_home_env(&dir, &[], &[("PLUGBOARD_LOCALE", lang)]).await;
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
            app.client.set_window_size(width, 760).await.unwrap();
            check(&app, lang, width, "the cards").await;
            open_details(&app, row).await;
            check(&app, lang, width, "Details open").await;
            click_css(&app, &format!("{row} [data-action='disconnect']")).await;
            check(&app, lang, width, "the Disconnect question").await;
            click_css(&app, &format!("{row} [data-action='cancel-disconnect']")).await;
            close_details(&app, row).await;
            // Its first shown Connect (opened once: it stays open at the second width).
            app.script(
                "const b = [...document.querySelectorAll(\"section[data-provider='hotmart'] \
                 [data-action='connect']\")].find((b) => b.getClientRects().length); \
                 if (b) b.click(); return ''",
            )
            .await;
            check(&app, lang, width, "Hotmart's connect form").await;
            click_css(&app, "#open-settings").await;
            check(&app, lang, width, "Settings").await;
            click_css(&app, "#close-settings").await;
        }
        app.close().await;
    }
}
