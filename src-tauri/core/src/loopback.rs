/*!
The loopback redirect listener (RFC 8252 §7.3): for providers that reject custom schemes (HubSpot
allows plain http only for `localhost`), the browser comes back to `http://localhost:PORT/path`.
Plugboard listens on that fixed, registered port only while a sign-in is pending, answers the one
request on the path that carries the pending `state` with a page that says to return to the app,
and hands over the query. Anything else — another path (`/favicon.ico`), or a request without that
state (a web page's `<img src="http://127.0.0.1:PORT/callback">`) — gets an error page and the
listener keeps waiting, so a stray request cannot end or spoil the sign-in.
*/

use std::collections::HashMap;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum LoopbackError {
    #[error("port {port} is in use by another program")]
    PortInUse { port: u16 },
    #[error("could not listen on port {port}: {reason}")]
    Bind { port: u16, reason: String },
    #[error("no answer from the browser in time")]
    TimedOut,
}

/// The page the browser shows after the sign-in came back (`done`) or for a stray request, in
/// the person's language.
fn page(done: bool) -> String {
    let m = crate::i18n::current();
    let (title, body) = if done {
        ("loopback-done-title", "loopback-done-body")
    } else {
        ("loopback-stray-title", "loopback-stray-body")
    };
    let escape = |s: String| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    format!(
        "<!doctype html><html lang=\"{}\"><meta charset=utf-8><title>Plugboard</title>\
<body style=\"font-family:system-ui,sans-serif;margin:4em;text-align:center\">\
<h1>{}</h1><p>{}</p></body></html>",
        m.lang(),
        escape(m.get(title, &[])),
        escape(m.get(body, &[]))
    )
}

/// Binds the loopback port now (so a busy port is reported before the browser opens).
pub async fn bind(port: u16) -> Result<TcpListener, LoopbackError> {
    bind_host("127.0.0.1", port).await
}

/// As [`bind`], on the loopback host a provider registered: `[::1]` listens on IPv6; `localhost`
/// and `127.0.0.1` on 127.0.0.1 (browsers fall back to it for `localhost`).
pub async fn bind_host(host: &str, port: u16) -> Result<TcpListener, LoopbackError> {
    let ip = if host == "[::1]" { "::1" } else { "127.0.0.1" };
    TcpListener::bind((ip, port))
        .await
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AddrInUse => LoopbackError::PortInUse { port },
            _ => LoopbackError::Bind {
                port,
                reason: e.to_string(),
            },
        })
}

/// Waits for the request on `path` whose `state` parameter is `state`, and returns its query
/// parameters. Requests for other paths (a browser's `/favicon.ico`) get a 404, requests without
/// the pending state a 400; the wait goes on after both. The listener closes on return.
pub async fn wait_for_callback(
    listener: TcpListener,
    path: &str,
    state: &str,
    timeout: Duration,
) -> Result<HashMap<String, String>, LoopbackError> {
    let wait = async {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                continue;
            };
            let mut buf = vec![0u8; 8192];
            let mut len = 0;
            // Read up to the end of the request line (the headers do not matter).
            while len < buf.len() {
                match tokio::time::timeout(Duration::from_secs(5), sock.read(&mut buf[len..])).await
                {
                    Ok(Ok(0)) | Err(_) | Ok(Err(_)) => break,
                    Ok(Ok(n)) => len += n,
                }
                if buf[..len].windows(2).any(|w| w == b"\r\n") {
                    break;
                }
            }
            let head = String::from_utf8_lossy(&buf[..len]);
            let target = head
                .lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or("");
            let (req_path, query) = target.split_once('?').unwrap_or((target, ""));
            if req_path != path {
                let _ = sock
                    .write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    )
                    .await;
                continue;
            }
            let params: HashMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect();
            if params.get("state").map(String::as_str) != Some(state) {
                let stray = page(false);
                let reply = format!(
                    "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n{stray}",
                    stray.len()
                );
                let _ = sock.write_all(reply.as_bytes()).await;
                let _ = sock.shutdown().await;
                continue;
            }
            let done = page(true);
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n{done}",
                done.len()
            );
            let _ = sock.write_all(reply.as_bytes()).await;
            let _ = sock.shutdown().await;
            return params;
        }
    };
    tokio::time::timeout(timeout, wait)
        .await
        .map_err(|_| LoopbackError::TimedOut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_listener_answers_the_callback_path_and_returns_its_query() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let waiter = tokio::spawn(wait_for_callback(
            listener,
            "/oauth/callback",
            "s1",
            Duration::from_secs(10),
        ));
        let http = crate::http::client();
        let favicon = http
            .get(format!("http://127.0.0.1:{port}/favicon.ico"))
            .send()
            .await
            .unwrap();
        assert_eq!(favicon.status(), 404);
        // A stray request on the callback path (a web page's <img>, a forged callback) without
        // the pending state: refused, and the listener keeps waiting.
        for stray in ["/oauth/callback", "/oauth/callback?code=evil&state=other"] {
            let page = http
                .get(format!("http://127.0.0.1:{port}{stray}"))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), 400, "{stray}");
            assert!(page.text().await.unwrap().contains("not the sign-in"));
        }
        assert!(!waiter.is_finished());
        let page = http
            .get(format!(
                "http://127.0.0.1:{port}/oauth/callback?code=c1&state=s1"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains("Return to Plugboard"));
        let params = waiter.await.unwrap().unwrap();
        assert_eq!(params["code"], "c1");
        assert_eq!(params["state"], "s1");
    }

    #[tokio::test]
    async fn a_busy_port_is_reported_before_the_browser_opens() {
        let held = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = held.local_addr().unwrap().port();
        assert!(matches!(
            bind(port).await,
            Err(LoopbackError::PortInUse { .. })
        ));
    }

    #[tokio::test]
    async fn nobody_coming_back_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let r = wait_for_callback(listener, "/cb", "s", Duration::from_millis(100)).await;
        assert!(matches!(r, Err(LoopbackError::TimedOut)));
    }
}
