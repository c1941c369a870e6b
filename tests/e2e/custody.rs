//! What the window says stays true after the problem is fixed: a clock the providers see as
//! wrong is said once, and the notice goes away by itself once their clock and ours agree.

use plugboard_e2e::App;

use crate::helpers::{click_css, connected_as, disconnect, wait_until};

const ACCOUNT: &str = "example-portal.hubspot.com · ana@example.com";

/// Whether a notice saying the clock is ahead is in the page (shown or not).
async fn clock_notice_present(app: &App) -> bool {
    app.script(
        "return [...document.querySelectorAll('#notices .notice')]\
         .some((n) => n.textContent.includes('clock is') && n.textContent.includes('ahead of'));",
    )
    .await
        == serde_json::json!(true)
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_clock_notice_is_shown_while_the_clock_is_off_and_withdrawn_once_it_reads_right() {
    let app = App::launch_demo("launch").await;
    // The providers' clock says ours is 2 h ahead (their `Date` header).
    app.simulator_faults(serde_json::json!({ "clock_offset": -7200 }))
        .await;
    crate::helpers::click_connect(&app, "HubSpot").await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    // Said, and displayed.
    app.wait_shown_xpath(
        "//*[@id='notices']//*[contains(@class, 'notice')][contains(., 'ahead of')]",
    )
    .await;
    // Their clock and ours agree again (as after the person turns on automatic time): the next
    // answer says so, and the notice goes without a click.
    app.simulator_faults(serde_json::json!({})).await;
    let row = format!("li[data-connection='{id}']");
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    wait_until(15, "the clock notice withdrawn", || async {
        app.simulator_count("hubspot.refresh").await >= 1 && !clock_notice_present(&app).await
    })
    .await;
    disconnect(&app, &id).await;
    app.close().await;
}
