//! The answers a fault switch asks for instead of the provider's own ([`crate::faults`]): a reply
//! lost after its headers, a canned refresh answer, held back by its delay. They read and count in
//! the store, so they live above both.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::faults::Answer;
use crate::store::Shared;

/// A reply whose connection breaks after the headers: the client sees no usable answer.
pub(crate) fn lost_reply() -> Response {
    let stream =
        futures_util::stream::once(async { Err::<Bytes, _>(std::io::Error::other("reply lost")) });
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// The `refresh_answer` fault: a refresh grant gets the canned answer (counted as `counter`),
/// and the provider's state is untouched (nothing rotates).
pub(crate) fn canned_refresh(inner: &Shared, refresh: bool, counter: &str) -> Option<Answer> {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let answer = s.faults.refresh_answer.clone().filter(|_| refresh)?;
    s.count(counter);
    Some(answer)
}

/// Answers with a canned refresh answer after its delay, counting the requests waiting at once.
pub(crate) async fn answer_late(inner: &Shared, answer: Answer) -> Response {
    {
        let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
        s.in_flight += 1;
        s.most_in_flight = s.most_in_flight.max(s.in_flight);
    }
    tokio::time::sleep(answer.delay).await;
    inner.lock().unwrap_or_else(|p| p.into_inner()).in_flight -= 1;
    answer.into_response()
}
