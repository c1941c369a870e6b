//! `<connection>` arguments: a connection id, a connection's name (`plugboard rename`), or a
//! provider id when that provider has exactly one; and [`call`], the prologue of the commands that
//! act on one connection (find it, ask the core, explain a failure), written once so each says
//! its failures the same way and exits with the same code.

use plugboard_core::connection::ConnectionId;
use plugboard_core::i18n::t;
use plugboard_core::service::{ConnectionView, Connections, ServiceError};

use crate::failure::{exit, fail, Failure};

/// A connection by id, by its name, or by provider id when that provider has exactly one.
pub fn connection(service: &Connections, arg: &str) -> Result<ConnectionView, Failure> {
    let internal = |e: ServiceError| fail(service, "", e);
    if let Some(id) = ConnectionId::parse(arg) {
        if let Some(c) = service.get(&id).map_err(internal)? {
            return Ok(c);
        }
    }
    if let Some(c) = service.named(arg).map_err(internal)? {
        return Ok(c);
    }
    let Ok(provider) = service.provider(arg) else {
        return Err(Failure::new(
            exit::NOT_FOUND,
            t("cli-no-such-connection", &[("name", arg.into())]),
        ));
    };
    let mut of_provider: Vec<ConnectionView> = service
        .list()
        .map_err(internal)?
        .into_iter()
        .filter(|c| c.provider == arg)
        .collect();
    match of_provider.len() {
        0 => Err(Failure::new(
            exit::NOT_FOUND,
            t(
                "cli-no-connection-yet",
                &[
                    ("provider", provider.name.as_str().into()),
                    ("command", format!("plugboard connect {arg}").into()),
                ],
            ),
        )),
        1 => Ok(of_provider.remove(0)),
        n => Err(Failure::new(
            exit::USAGE,
            t(
                "cli-several-connections",
                &[
                    ("provider", provider.name.as_str().into()),
                    ("count", n.into()),
                    (
                        "connections",
                        of_provider
                            .iter()
                            .map(|c| format!("{} ({})", c.id, c.account))
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
        )),
    }
}

/// Finds the connection `arg` names ([`connection`]), then makes the core `call` with it. A
/// failure of either is said in the person's words, naming the connection's provider ([`fail`]),
/// with its documented exit code. Returns the connection as it was found and what `call` returned.
pub async fn call<T>(
    service: &Connections,
    arg: &str,
    call: impl AsyncFnOnce(&ConnectionView) -> Result<T, ServiceError>,
) -> Result<(ConnectionView, T), Failure> {
    let c = connection(service, arg)?;
    match call(&c).await {
        Ok(done) => Ok((c, done)),
        Err(e) => Err(fail(service, &c.provider, e)),
    }
}
