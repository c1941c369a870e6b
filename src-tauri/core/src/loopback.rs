/*!
The loopback redirect listener (RFC 8252 §7.3): for providers that reject custom schemes (HubSpot
allows plain http only for `localhost`), the browser comes back to `http://localhost:PORT/path`.
Plugboard listens on that fixed, registered port only while a sign-in is pending, answers the one
request on the path that carries the pending `state` with a page that says to return to the app,
and hands over the query. Anything else — another path (`/favicon.ico`), or a request without that
state (a web page's `<img src="http://127.0.0.1:PORT/callback">`) — gets an error page and the
listener keeps waiting, so a stray request cannot end or spoil the sign-in.

Nothing another program on the machine does with the port can hold the real callback up: hyper's
HTTP/1 server answers each connection in a task of its own, so an idle browser pre-connection, a
connection that sends a byte every few seconds or a hundred idle ones wait beside the browser's
request, not in front of it. Each connection has [`HEAD_WAIT`] to send its request head (at most
[`MAX_HEAD`] bytes) and [`CONNECTION_LIFETIME`] in all, and one request (no keep-alive). At most
[`MAX_CONNECTIONS`] are served at once; a newer one pushes out the oldest, so a flood of idle
connections cannot keep the browser's out. The first request with the pending state wins at once
(it is answered and the wait returns as soon as its page is written); a later one gets the stray
page. The window's loopback (HubSpot) and the command line's use this same code.
*/

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper::body::Incoming;
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// How long a connection may take to send its request head (a browser sends it at once; an idle
/// pre-connection is dropped after this, and the browser opens another when it needs one).
pub const HEAD_WAIT: Duration = Duration::from_secs(10);
/// How long a connection is kept at most, request and answer together.
pub const CONNECTION_LIFETIME: Duration = Duration::from_secs(20);
/// The largest request head read (the callback's address is a few hundred bytes).
pub const MAX_HEAD: usize = 16 * 1024;
/// Connections served at once (a browser opens a handful); past this the oldest is dropped.
pub const MAX_CONNECTIONS: usize = 32;

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

/// What the listener waits for, shared by its connections.
struct Expected {
    path: String,
    state: String,
    /// Set by the first request with the pending state: later ones are strays.
    claimed: AtomicBool,
}

type Params = HashMap<String, String>;

/// Waits for the request on `path` whose `state` parameter is `state`, and returns its query
/// parameters. Requests for other paths (a browser's `/favicon.ico`) get a 404, requests without
/// the pending state a 400; the wait goes on after both. The listener, and every connection still
/// open, close on return.
pub async fn wait_for_callback(
    listener: TcpListener,
    path: &str,
    state: &str,
    timeout: Duration,
) -> Result<Params, LoopbackError> {
    let expected = Arc::new(Expected {
        path: path.to_string(),
        state: state.to_string(),
        claimed: AtomicBool::new(false),
    });
    let (won, mut winner) = mpsc::channel::<Params>(1);
    let wait = async {
        // Dropped on return, which ends every connection's task.
        let mut connections = tokio::task::JoinSet::new();
        let mut open = VecDeque::new();
        loop {
            tokio::select! {
                Some(params) = winner.recv() => return params,
                accepted = listener.accept() => {
                    let sock = match accepted {
                        Ok((sock, _)) => sock,
                        Err(e) => {
                            // Out of file descriptors, or a connection reset before it was
                            // taken: try again shortly rather than spin.
                            log::debug!("loopback accept: {e}");
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    };
                    while connections.try_join_next().is_some() {}
                    open.retain(|h: &tokio::task::AbortHandle| !h.is_finished());
                    if open.len() >= MAX_CONNECTIONS {
                        if let Some(oldest) = open.pop_front() {
                            oldest.abort();
                        }
                    }
                    open.push_back(connections.spawn(serve(sock, expected.clone(), won.clone())));
                }
            }
        }
    };
    tokio::time::timeout(timeout, wait)
        .await
        .map_err(|_| LoopbackError::TimedOut)
}

/// Serves one connection (one request), within its limits; if it carried the callback, hands its
/// query over once the page has been written — or once the connection ends any other way (its
/// time ran out, it was pushed out by newer ones): see [`Handover`].
async fn serve(sock: TcpStream, expected: Arc<Expected>, won: mpsc::Sender<Params>) {
    let taken: Arc<Mutex<Option<Params>>> = Arc::default();
    let _handover = Handover {
        taken: taken.clone(),
        won,
    };
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let reply = answer(&request, &expected, &taken);
        async move { Ok::<_, Infallible>(reply) }
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_WAIT)
        .max_buf_size(MAX_HEAD)
        .keep_alive(false)
        .serve_connection(TokioIo::new(sock), service);
    let _ = tokio::time::timeout(CONNECTION_LIFETIME, connection).await;
}

/// Hands the callback's query to the wait when its connection's task ends, however it ends (a
/// task aborted is dropped too): a taken callback is never lost with its connection.
struct Handover {
    taken: Arc<Mutex<Option<Params>>>,
    won: mpsc::Sender<Params>,
}

impl Drop for Handover {
    fn drop(&mut self) {
        if let Some(params) = self.taken.lock().unwrap_or_else(|p| p.into_inner()).take() {
            // One winner, a channel of one: there is always room.
            let _ = self.won.try_send(params);
        }
    }
}

/// The answer to one request: 404 off the path, the stray page (400) without the pending state
/// or after another request took it, else the done page, keeping the query in `taken`.
fn answer(
    request: &Request<Incoming>,
    expected: &Expected,
    taken: &Mutex<Option<Params>>,
) -> Response<String> {
    if request.uri().path() != expected.path {
        return reply(StatusCode::NOT_FOUND, String::new());
    }
    let params: Params =
        url::form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let pending = params.get("state") == Some(&expected.state);
    if !pending || expected.claimed.swap(true, Ordering::SeqCst) {
        return reply(StatusCode::BAD_REQUEST, page(false));
    }
    *taken.lock().unwrap_or_else(|p| p.into_inner()) = Some(params);
    reply(StatusCode::OK, page(true))
}

fn reply(status: StatusCode, body: String) -> Response<String> {
    let html = !body.is_empty();
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    if html {
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

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

    /// A listener on a free port waiting for `/cb` with state `s1`: its port and the wait.
    async fn waiting() -> (
        u16,
        tokio::task::JoinHandle<Result<HashMap<String, String>, LoopbackError>>,
    ) {
        let listener = bind(0).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let wait = tokio::spawn(wait_for_callback(
            listener,
            "/cb",
            "s1",
            Duration::from_secs(60),
        ));
        (port, wait)
    }

    /// The browser's callback with `code`: its status, answered within `limit` (the old
    /// one-at-a-time listener took 5 s per idle connection before it, and as long as a slow one
    /// kept sending).
    async fn callback(port: u16, code: &str, limit: Duration) -> u16 {
        let http = crate::http::client();
        let sent = http
            .get(format!("http://127.0.0.1:{port}/cb?code={code}&state=s1"))
            .send();
        tokio::time::timeout(limit, sent)
            .await
            .expect("the callback was answered in time")
            .unwrap()
            .status()
            .as_u16()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_idle_browser_preconnection_does_not_delay_the_callback() {
        let (port, wait) = waiting().await;
        let idle = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(callback(port, "c1", Duration::from_secs(4)).await, 200);
        assert_eq!(wait.await.unwrap().unwrap()["code"], "c1");
        drop(idle);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_slow_connection_does_not_hold_up_the_callback() {
        let (port, wait) = waiting().await;
        // A byte every two seconds: under any per-read wait, forever.
        let mut slow = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        let trickle = tokio::spawn(async move {
            for b in b"GET /cb?code=slow&state=s1 HTTP/1.1\r\nHost: x\r\n" {
                if slow.write_all(&[*b]).await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(callback(port, "c1", Duration::from_secs(8)).await, 200);
        assert_eq!(wait.await.unwrap().unwrap()["code"], "c1");
        trickle.abort();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_hundred_idle_connections_do_not_hold_up_the_callback() {
        let (port, wait) = waiting().await;
        let mut idle = Vec::new();
        for _ in 0..100 {
            idle.push(
                tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .unwrap(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(callback(port, "c1", Duration::from_secs(8)).await, 200);
        assert_eq!(wait.await.unwrap().unwrap()["code"], "c1");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_first_complete_callback_wins_at_once_while_another_is_still_arriving() {
        let (port, wait) = waiting().await;
        // A callback whose request line has come but whose headers have not.
        let mut partial = tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .unwrap();
        partial
            .write_all(b"GET /cb?code=partial&state=s1 HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(callback(port, "c1", Duration::from_secs(4)).await, 200);
        assert_eq!(wait.await.unwrap().unwrap()["code"], "c1");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_second_valid_callback_after_the_winner_is_not_taken() {
        let (port, wait) = waiting().await;
        // Both at once: one wins; the other gets the stray page, or finds the listener gone.
        let http = crate::http::client();
        let (a, b) = tokio::join!(
            http.get(format!("http://127.0.0.1:{port}/cb?code=c1&state=s1"))
                .send(),
            http.get(format!("http://127.0.0.1:{port}/cb?code=c2&state=s1"))
                .send(),
        );
        let ok = [&a, &b]
            .iter()
            .filter(|r| matches!(r, Ok(r) if r.status() == 200))
            .count();
        assert_eq!(ok, 1, "{a:?} {b:?}");
        let code = wait.await.unwrap().unwrap()["code"].clone();
        let winner = if matches!(&a, Ok(r) if r.status() == 200) {
            "c1"
        } else {
            "c2"
        };
        assert_eq!(code, winner);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_oversized_request_head_is_refused_and_the_wait_goes_on() {
        let (port, wait) = waiting().await;
        let huge = "x".repeat(2 * MAX_HEAD);
        let refused = crate::http::client()
            .get(format!("http://127.0.0.1:{port}/cb?code=big&state=s1"))
            .header("x-padding", huge)
            .send()
            .await;
        assert!(
            refused.as_ref().map_or(true, |r| r.status() == 431),
            "{refused:?}"
        );
        assert!(!wait.is_finished());
        assert_eq!(callback(port, "c1", Duration::from_secs(4)).await, 200);
        assert_eq!(wait.await.unwrap().unwrap()["code"], "c1");
    }

    #[test]
    fn a_taken_callback_is_handed_over_even_when_its_connection_is_pushed_out() {
        // An aborted connection task drops its Handover like a finished one.
        let (won, mut winner) = mpsc::channel(1);
        let params = HashMap::from([("code".to_string(), "c1".to_string())]);
        drop(Handover {
            taken: Arc::new(Mutex::new(Some(params))),
            won,
        });
        assert_eq!(winner.try_recv().unwrap()["code"], "c1");
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
