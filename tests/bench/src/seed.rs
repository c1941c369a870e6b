//! The world the benchmark's binaries run in: the provider simulator on 127.0.0.1 (named by a
//! provider file, as a person's `providers.toml` would), a data folder per figure, and N stored
//! connections written the way Plugboard stores them (the index file's documented schema, one
//! keychain item each in the release namespace of the private test keychain).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use plugboard_core::catalogue::{Catalogue, MethodKind, Origin, ProviderId};
use plugboard_core::connection::ConnectionId;
use plugboard_core::flow::AppCredentials;
use plugboard_core::index::{ConnectionRecord, Index};
use plugboard_core::secret::{AccessToken, ClientSecret, RefreshToken, SecretString};
use plugboard_core::service::Connections;
use plugboard_core::tokens::{ConnectionSecret, TokenSet};
use plugboard_core::vault::{ItemLabel, Vault, VaultKey};
use plugboard_sim::Simulator;

/// The simulator, its provider file and the folder every figure's data lives under.
pub struct World {
    /// Kept alive for as long as the world: the binaries talk to it.
    sim: Simulator,
    pub catalogue: Catalogue,
    providers_file: PathBuf,
    base: PathBuf,
}

impl World {
    pub async fn start(base: &Path) -> Self {
        let sim = Simulator::start()
            .await
            .expect("start the provider simulator");
        std::fs::create_dir_all(base).expect("create the benchmark's folder");
        let providers_file = base.join("providers.toml");
        let text = sim.providers_toml(plugboard_sim::DEFAULT_HUBSPOT_PORT);
        std::fs::write(&providers_file, &text).expect("write the provider file");
        let catalogue = Catalogue::parse(&text, &Origin::File(providers_file.clone()))
            .expect("the simulator's provider file is valid");
        Self {
            sim,
            catalogue,
            providers_file,
            base: base.to_path_buf(),
        }
    }

    /// The connection service over `vault` and `data_dir`, as the binaries open it: this
    /// world's providers, HubSpot's app credentials.
    pub fn service(&self, vault: Vault, data_dir: &Path) -> Connections {
        let service = Connections::new(self.catalogue.clone(), vault, data_dir);
        service.credentials.set(
            "hubspot",
            AppCredentials {
                client_id: plugboard_sim::client_id("hubspot"),
                client_secret: Some(ClientSecret::new(plugboard_sim::client_secret("hubspot"))),
            },
        );
        service
    }

    /// HubSpot's token endpoint in the simulator.
    pub fn token_url(&self) -> String {
        self.catalogue
            .get("hubspot")
            .and_then(|p| p.authorization_code())
            .map(|m| m.token_url.as_str().to_string())
            .expect("HubSpot's token endpoint")
    }

    /// The simulator (its fault switches).
    pub fn sim(&self) -> &Simulator {
        &self.sim
    }

    /// `XDG_DATA_HOME` of the figure `name`: each has its own index.
    pub fn data_home(&self, name: &str) -> PathBuf {
        self.base.join(format!("data-{name}"))
    }

    /// Plugboard's data folder under `data_home`: a release build's, or with `BENCH_DEBUG=1`
    /// (trying a change without a release build) a debug build's `dev/` folder.
    pub fn data_dir(data_home: &Path) -> PathBuf {
        let dir = data_home.join(plugboard_core::APP_IDENTIFIER);
        match namespace() {
            Some(ns) => dir.join(ns),
            None => dir,
        }
    }

    /// The environment a Plugboard binary gets: the provider file, the data folder, HubSpot's
    /// app credentials.
    pub fn env(&self, data_home: &Path) -> Vec<(String, String)> {
        vec![
            (
                "PLUGBOARD_PROVIDERS".into(),
                self.providers_file.display().to_string(),
            ),
            ("XDG_DATA_HOME".into(), data_home.display().to_string()),
            (
                "PLUGBOARD_HUBSPOT_CLIENT_ID".into(),
                plugboard_sim::client_id("hubspot"),
            ),
            (
                "PLUGBOARD_HUBSPOT_CLIENT_SECRET".into(),
                plugboard_sim::client_secret("hubspot"),
            ),
        ]
    }
}

/// The keychain namespace of the binaries measured: the release one, or `dev` with
/// `BENCH_DEBUG=1`.
fn namespace() -> Option<&'static str> {
    std::env::var_os("BENCH_DEBUG").is_some().then_some("dev")
}

/// The vault the measured binaries use.
pub fn vault() -> Vault {
    Vault::new(namespace())
}

/// Removes every connection item of the release namespace (the previous figure's).
pub fn clear_keychain(vault: &Vault) {
    let ids = vault
        .connection_items()
        .expect("list the test keychain")
        .unwrap_or_default();
    for id in ids {
        vault
            .delete(&VaultKey::Connection(id))
            .expect("delete a benchmark item");
    }
}

/// The benchmark's `i`th connection id.
pub fn id(i: usize) -> ConnectionId {
    ConnectionId::parse(&format!("hubspot-{i:08x}")).expect("a valid id")
}

/// HubSpot connection `i` as Plugboard stores it: signed in (or last refreshed) at `at`, its token
/// expiring at `expires_at`. Its index record and its keychain item.
pub fn hubspot(i: usize, at: i64, expires_at: i64) -> (ConnectionRecord, SecretString) {
    let scopes = vec!["oauth".to_string(), "crm.objects.contacts.read".to_string()];
    let tokens = TokenSet {
        access_token: AccessToken::new(format!("bench-at-{i}-{at}")),
        refresh_token: Some(RefreshToken::new(format!("bench-rt-{i}-{at}"))),
        token_type: Some("bearer".into()),
        expires_at: Some(expires_at),
        scopes: Some(scopes.clone()),
        extra: BTreeMap::from([("hub_id".to_string(), format!("{}", 1000 + i))]),
    };
    let record = ConnectionRecord {
        scopes,
        expires_at: Some(expires_at),
        ..ConnectionRecord::new(
            id(i),
            "hubspot",
            MethodKind::AuthorizationCode,
            format!("portal-{i}.example.com · owner{i}@example.com"),
            at,
        )
    };
    (record, ConnectionSecret::OAuth { tokens }.encode())
}

/// Stores `connections` in the keychain, one item each, and their records in `data_dir`'s index
/// in one write of the documented file (version 1), not a read-modify-write each.
pub fn store(
    vault: &Vault,
    data_dir: &Path,
    connections: Vec<(ConnectionRecord, SecretString)>,
) -> Vec<ConnectionId> {
    std::fs::create_dir_all(data_dir).expect("create the data folder");
    let mut records = Vec::with_capacity(connections.len());
    for (record, item) in connections {
        vault
            .put(
                &VaultKey::Connection(record.id.clone()),
                &ItemLabel::connection("HubSpot", &record.account, record.name.as_deref()),
                &item,
            )
            .expect("store a benchmark item");
        records.push(record);
    }
    let body = serde_json::json!({ "version": 1, "connections": records });
    std::fs::write(
        data_dir.join(Index::FILE_NAME),
        serde_json::to_vec_pretty(&body).expect("serialize the index"),
    )
    .expect("write the index");
    records.into_iter().map(|r| r.id).collect()
}

/// Stores `n` signed-in HubSpot connections in `data_dir` and the keychain, as Plugboard leaves
/// them after a refresh ten minutes ago: each token expiring 20 to 50 minutes from `now`, so
/// every countdown ticks by the second and none is due a refresh (nor, accepted ten minutes ago,
/// an identity check) within the benchmark's minute.
pub fn connections(vault: &Vault, data_dir: &Path, n: usize, now: i64) -> Vec<ConnectionId> {
    let refreshed = now - 600;
    let connections = (0..n)
        .map(|i| {
            let (record, item) = hubspot(i, refreshed, now + 1_200 + (i as i64 * 17) % 1_800);
            let record = ConnectionRecord {
                refreshed_at: Some(refreshed),
                generation: 1,
                ..record
            };
            (record, item)
        })
        .collect();
    store(vault, data_dir, connections)
}

/// A HubSpot connection made through the simulator's real sign-in (authorize, code, token), so
/// its refresh token is one the simulator honours: what `plugboard refresh` is timed on.
pub async fn signed_in_hubspot(world: &World, data_dir: &Path) -> ConnectionId {
    let service = world.service(vault(), data_dir);
    let hubspot = ProviderId::parse("hubspot").expect("a provider id");
    let started = service
        .begin_sign_in(&hubspot)
        .await
        .expect("begin a HubSpot sign-in");
    // The browser's part: the simulator's consent page answers with the redirect at once.
    let answer = plugboard_core::http::client()
        .get(&started.url)
        .send()
        .await
        .expect("the simulator's authorize page");
    let location = answer.headers()["location"]
        .to_str()
        .expect("a redirect")
        .to_string();
    let params: HashMap<String, String> = url::Url::parse(&location)
        .expect("a redirect address")
        .query_pairs()
        .into_owned()
        .collect();
    let (_, result) = service.complete_sign_in(|k| params.get(k).cloned()).await;
    result.expect("complete the HubSpot sign-in").id
}

/// The refresh token stored for `id`.
pub fn refresh_token_of(vault: &Vault, id: &ConnectionId) -> String {
    let item = vault
        .get(&VaultKey::Connection(id.clone()))
        .expect("read the item")
        .expect("the item exists");
    let secret = ConnectionSecret::decode(&item).expect("a Plugboard item");
    secret
        .tokens()
        .and_then(|t| t.refresh_token.as_ref())
        .expect("a refresh token")
        .expose()
        .to_string()
}
