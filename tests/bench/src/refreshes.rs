//! 1,000 automatic refreshes on the scheduler's own path (`due_refreshes`, then `refresh_if_due`
//! for each, as the window does after a long sleep), against their floor: the same keychain
//! writes alone, plus the same token requests alone, four at a time as Plugboard takes its turns.
//! The simulator answers every refresh at once (its canned answer), so the network part is
//! 127.0.0.1's. In-process, with this driver's build of the core: `make bench` builds it in release.

use std::sync::Arc;
use std::time::{Duration, Instant};

use plugboard_core::catalogue::MethodKind;
use plugboard_core::connection::ConnectionId;
use plugboard_core::flow::AppCredentials;
use plugboard_core::index::{ConnectionRecord, Index};
use plugboard_core::secret::SecretString;
use plugboard_core::service::{Connections, AUTOMATIC_REFRESHES_AT_ONCE};
use plugboard_core::tokens::{ConnectionSecret, TokenSet};
use plugboard_core::vault::{Vault, VaultKey};
use plugboard_sim::{Answer, Faults};

use crate::seed::World;

/// Plugboard's time, the keychain writes' and the requests' (seconds).
#[derive(Debug, Clone, Copy, Default)]
pub struct Refreshes {
    pub n: usize,
    pub plugboard: f64,
    pub writes: f64,
    pub network: f64,
}

fn item(i: usize, expires_at: i64) -> SecretString {
    ConnectionSecret::OAuth {
        tokens: TokenSet {
            access_token: SecretString::new(format!("bench-at-{i}")),
            refresh_token: Some(SecretString::new(format!("bench-rt-{i}"))),
            token_type: Some("bearer".into()),
            expires_at: Some(expires_at),
            scopes: None,
            extra: Default::default(),
        },
    }
    .encode()
}

fn id(i: usize) -> ConnectionId {
    ConnectionId::parse(&format!("hubspot-{i:08x}")).expect("a valid id")
}

pub async fn measure(
    world: &World,
    vault: &Vault,
    data_dir: &std::path::Path,
    n: usize,
) -> Refreshes {
    let now = plugboard_core::service::unix_now();
    std::fs::create_dir_all(data_dir).expect("create the data folder");
    // n connections all due (expiring in 5 s), as after a sleep.
    let mut records = Vec::with_capacity(n);
    for i in 0..n {
        vault
            .put(&VaultKey::Connection(id(i)), &item(i, now + 5))
            .expect("store a benchmark item");
        records.push(ConnectionRecord {
            id: id(i),
            provider: "hubspot".into(),
            method: MethodKind::AuthorizationCode,
            account: format!("portal-{i}.example.com"),
            scopes: vec![],
            environment: None,
            obtained_at: now - 1_800,
            expires_at: Some(now + 5),
            never_expires: false,
            refreshed_at: None,
            requested_scopes: vec![],
            reconnect_needed: false,
            temporary_problem: false,
            last_error: None,
            checked_at: None,
            generation: 0,
        });
    }
    let body = serde_json::json!({ "version": 1, "connections": records });
    std::fs::write(
        data_dir.join(Index::FILE_NAME),
        serde_json::to_vec(&body).expect("serialize the index"),
    )
    .expect("write the index");
    world.sim().set_faults(Faults {
        refresh_answer: Some(Answer::ok(
            r#"{"access_token":"fresh","refresh_token":"rt","token_type":"bearer","expires_in":1800}"#,
        )),
        ..Faults::default()
    });
    let service = Arc::new(Connections::new(
        world.catalogue.clone(),
        vault.clone(),
        data_dir,
    ));
    service.credentials.set(
        "hubspot",
        AppCredentials {
            client_id: plugboard_sim::client_id("hubspot"),
            client_secret: Some(SecretString::new(plugboard_sim::client_secret("hubspot"))),
        },
    );

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

    let started = Instant::now();
    for i in 0..n {
        vault
            .put(&VaultKey::Connection(id(i)), &item(i, now + 1_800))
            .expect("write an item");
    }
    let writes = started.elapsed();

    let token_url = world
        .catalogue
        .get("hubspot")
        .and_then(|p| p.authorization_code())
        .map(|m| m.token_url.as_str().to_string())
        .expect("HubSpot's token endpoint");
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
        let _ = vault.delete(&VaultKey::Connection(id(i)));
    }
    let secs = |d: Duration| d.as_secs_f64();
    Refreshes {
        n,
        plugboard: secs(plugboard),
        writes: secs(writes),
        network: secs(network),
    }
}
