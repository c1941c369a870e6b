//! 1,000 automatic refreshes on the scheduler's own path (`due_refreshes`, then `refresh_if_due`
//! for each, as the window does after a long sleep), against their floor: the same keychain
//! writes alone, plus the same token requests alone, four at a time as Plugboard takes its turns.
//! The simulator answers every refresh at once (its canned answer), so the network part is
//! 127.0.0.1's. In-process, with this driver's build of the core: `make bench` builds it in release.

use std::sync::Arc;
use std::time::{Duration, Instant};

use plugboard_core::service::AUTOMATIC_REFRESHES_AT_ONCE;
use plugboard_core::vault::{ItemLabel, Vault, VaultKey};
use plugboard_sim::{Answer, Faults};

use crate::seed::{self, World};

/// Plugboard's time, the keychain writes' and the requests' (seconds).
#[derive(Debug, Clone, Copy, Default)]
pub struct Refreshes {
    pub n: usize,
    pub plugboard: f64,
    pub writes: f64,
    pub network: f64,
}

pub async fn measure(
    world: &World,
    vault: &Vault,
    data_dir: &std::path::Path,
    n: usize,
) -> Refreshes {
    let now = plugboard_core::service::unix_now();
    // n connections signed in half an hour ago and all due (expiring in 5 s), as after a sleep.
    seed::store(
        vault,
        data_dir,
        (0..n)
            .map(|i| seed::hubspot(i, now - 1_800, now + 5))
            .collect(),
    );
    world.sim().set_faults(Faults {
        refresh_answer: Some(Answer::ok(
            r#"{"access_token":"fresh","refresh_token":"rt","token_type":"bearer","expires_in":1800}"#,
        )),
        ..Faults::default()
    });
    let service = Arc::new(world.service(vault.clone(), data_dir));

    let started = Instant::now();
    let due = service.due_refreshes().expect("read the index");
    assert_eq!(due.len(), n, "every connection due");
    let mut refreshes = tokio::task::JoinSet::new();
    for cid in due {
        let service = service.clone();
        refreshes.spawn(async move { service.refresh_if_due(&cid).await });
    }
    while let Some(done) = refreshes.join_next().await {
        done.expect("a refresh task").expect("a refresh");
    }
    let plugboard = started.elapsed();

    // The same writes: each connection's item, as a refresh leaves it.
    let items: Vec<_> = (0..n).map(|i| seed::hubspot(i, now, now + 1_800)).collect();
    let started = Instant::now();
    for (i, (record, item)) in items.iter().enumerate() {
        vault
            .put(
                &VaultKey::Connection(seed::id(i)),
                &ItemLabel::connection("HubSpot", &record.account, None),
                item,
            )
            .expect("write an item");
    }
    let writes = started.elapsed();

    let token_url = world.token_url();
    let client = plugboard_core::http::client();
    let turns = Arc::new(tokio::sync::Semaphore::new(AUTOMATIC_REFRESHES_AT_ONCE));
    let started = Instant::now();
    let mut requests = tokio::task::JoinSet::new();
    for i in 0..n {
        let (client, url, turns) = (client.clone(), token_url.clone(), turns.clone());
        requests.spawn(async move {
            let _turn = turns.acquire().await;
            let refresh_token = format!("bench-rt-{i}");
            let form = [
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token.as_str()),
            ];
            let answer = client.post(&url).form(&form).send().await;
            answer
                .expect("a token answer")
                .bytes()
                .await
                .expect("its body");
        });
    }
    while requests.join_next().await.is_some() {}
    let network = started.elapsed();

    world.sim().set_faults(Faults::default());
    for i in 0..n {
        let _ = vault.delete(&VaultKey::Connection(seed::id(i)));
    }
    let secs = |d: Duration| d.as_secs_f64();
    Refreshes {
        n,
        plugboard: secs(plugboard),
        writes: secs(writes),
        network: secs(network),
    }
}
