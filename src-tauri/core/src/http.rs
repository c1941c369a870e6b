/*!
The one place HTTP clients are built.

Token and identity requests never follow redirects (a redirect could carry a client secret or code to
another host; oauth2-rs gives the same advice against SSRF), always time out, and say who they are.
Flows receive the client as a parameter, so tests point them at the provider simulator on 127.0.0.1.
*/

use std::time::Duration;

pub const USER_AGENT: &str = concat!("Plugboard/", env!("CARGO_PKG_VERSION"));

/// A client for provider endpoints: no redirects, 10 s to connect, 30 s per request (the whole
/// answer included), rustls.
pub fn client() -> reqwest::Client {
    client_with_timeout(Duration::from_secs(30))
}

/// As [`client`], with another time limit per request (tests of a slow provider).
pub fn client_with_timeout(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .timeout(timeout)
        .user_agent(USER_AGENT)
        .build()
        .expect("a client with these static settings always builds")
}

/// The clock skew last measured against a provider's `Date` header.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skew {
    /// The provider's host.
    pub host: String,
    /// Seconds the provider's clock is ahead of ours (negative: behind).
    pub seconds: i64,
}

/// The last measurement: the skew, and the wall and boot clocks when it was taken.
struct Measured {
    skew: Skew,
    wall: i64,
    boot: i64,
}

static LAST_SKEW: std::sync::Mutex<Option<Measured>> = std::sync::Mutex::new(None);

/// Records the skew of one response's `Date` header (called for every provider response).
pub(crate) fn observe_date(url: &str, date: Option<&str>, now: i64) {
    let Some(seconds) = crate::lifetime::clock_skew(date, now) else {
        return;
    };
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    if seconds.abs() > crate::lifetime::SKEW_WARNING {
        log::warn!("the clock differs from {host}'s by {seconds} s");
    }
    *LAST_SKEW.lock().unwrap_or_else(|p| p.into_inner()) = Some(Measured {
        skew: Skew { host, seconds },
        wall: crate::lifetime::unix_now(),
        boot: crate::lifetime::boot_seconds(),
    });
}

/// The skew now: the last one measured, less however far the wall clock has stepped since
/// (the wall clock against the boot clock, which steps never move and suspend does not stop),
/// so a clock set right reads right without waiting for the next provider answer.
pub fn last_skew() -> Option<Skew> {
    let last = LAST_SKEW.lock().unwrap_or_else(|p| p.into_inner());
    let m = last.as_ref()?;
    // Only where the boot clock counts suspended time (Linux's CLOCK_BOOTTIME); elsewhere a
    // sleep would read as a step, so the last measurement stands until the next answer.
    let stepped = if cfg!(target_os = "linux") {
        skew_step(
            m.wall,
            m.boot,
            crate::lifetime::unix_now(),
            crate::lifetime::boot_seconds(),
        )
    } else {
        0
    };
    Some(Skew {
        host: m.skew.host.clone(),
        seconds: m.skew.seconds - stepped,
    })
}

/// How far the wall clock stepped between two readings of both clocks (seconds; 0 within a
/// couple of seconds, which is reading jitter).
fn skew_step(wall_then: i64, boot_then: i64, wall_now: i64, boot_now: i64) -> i64 {
    let step = (wall_now - wall_then) - (boot_now - boot_then);
    if step.abs() <= 2 {
        0
    } else {
        step
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_set_right_after_a_skew_reads_right() {
        // Measured 7200 s ahead of the provider (skew -7200); then the clock went back 2 h.
        let step = skew_step(1_000_000, 50, 1_000_000 - 7200 + 30, 80);
        assert_eq!(step, -7200);
        assert_eq!(-7200 - step, 0);
        // No step: time passing on both clocks changes nothing.
        assert_eq!(skew_step(1_000_000, 50, 1_000_600, 651), 0);
        // A clock set forward.
        assert_eq!(skew_step(1_000_000, 50, 1_003_650, 100), 3600);
    }
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_client_does_not_follow_redirects() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            let mut served = 0;
            // Serve one request; a followed redirect would be a second connection that is never answered.
            let (mut sock, _) = listener.accept().await.unwrap();
            let mut buf = [0u8; 2048];
            let n = sock.read(&mut buf).await.unwrap();
            let request = String::from_utf8_lossy(&buf[..n]).to_string();
            served += 1;
            let reply = format!(
                "HTTP/1.1 302 Found\r\nLocation: http://{addr}/elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            sock.write_all(reply.as_bytes()).await.unwrap();
            (served, request)
        });
        let resp = client()
            .post(format!("http://{addr}/token"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 302);
        let (served, request) = server.await.unwrap();
        assert_eq!(served, 1);
        assert!(request
            .to_ascii_lowercase()
            .contains(&format!("user-agent: {}", USER_AGENT.to_ascii_lowercase())));
    }
}
