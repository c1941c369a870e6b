/*!
What a person is shown of an expiry, by the clock alone: the countdown text, the moments worth
announcing to a screen reader, and when either next changes (so the page ticks no sooner). Kept
apart from the refresh and health rules in the parent module, which decide; this only words.
*/

use serde::Serialize;

use super::Expiry;
use crate::i18n::Messages;

/// The countdown text: "Expires in 23 min", "Expires in 5 h 07 min", "Expires in 1 d 23 h",
/// "Expires in 1:59" (the last two minutes), "Expired", "Does not expire", "Expiry unknown".
pub fn countdown(expiry: Expiry, now: i64) -> String {
    countdown_in(&crate::i18n::current(), expiry, now)
}

/// Below this many seconds left a countdown reads in seconds ("1:59" … "0:01"): the moment Copy
/// becomes Refresh & copy, and when seconds matter. Above it, the countdown reads in minutes
/// that change on the wall-clock minute, every connection's at once: a connection that
/// refreshes itself never ticks by the second (decided in issue 27: idle costs nothing).
pub const SECONDS_SHOWN: i64 = super::REFRESH_BEFORE_COPY;

/// [`countdown`] in the language of `m`.
pub fn countdown_in(m: &Messages, expiry: Expiry, now: i64) -> String {
    let at = match expiry {
        Expiry::Never => return m.get("countdown-never", &[]),
        Expiry::Unknown => return m.get("countdown-unknown", &[]),
        Expiry::At(at) => at,
    };
    let left = at.saturating_sub(now);
    if left <= 0 {
        return m.get("countdown-expired", &[]);
    }
    let words = if !(SECONDS_SHOWN..86_400).contains(&left) {
        time_left_in(m, left)
    } else {
        let whole = whole_minutes(at, now);
        if whole >= 60 {
            m.get(
                "duration-hours",
                &[
                    ("hours", (whole / 60).into()),
                    ("minutes", format!("{:02}", whole % 60).into()),
                ],
            )
        } else {
            m.get("duration-whole-minutes", &[("minutes", whole.into())])
        }
    };
    m.get("countdown-in", &[("left", words.into())])
}

/// The minutes left counted from the start of the current wall-clock minute: what the countdown
/// said at that minute's first second, so it changes on the minute for every connection at once
/// (at most 59 seconds more than the truth; the exact time is on hover, and the last two minutes
/// read in seconds).
fn whole_minutes(at: i64, now: i64) -> i64 {
    (at - now.div_euclid(60) * 60).div_euclid(60)
}

/// "29:41", "5 h 07 min", "1 d 23 h": `seconds` (more than 0) left, exactly (the command line's
/// one-shot answers; the window's countdown is [`countdown`]).
pub fn time_left(seconds: i64) -> String {
    time_left_in(&crate::i18n::current(), seconds)
}

/// [`time_left`] in the language of `m`.
pub fn time_left_in(m: &Messages, seconds: i64) -> String {
    let (d, h, mins, s) = (
        seconds / 86_400,
        seconds % 86_400 / 3_600,
        seconds % 3_600 / 60,
        seconds % 60,
    );
    if d > 0 {
        m.get("duration-days", &[("days", d.into()), ("hours", h.into())])
    } else if h > 0 {
        m.get(
            "duration-hours",
            &[
                ("hours", h.into()),
                ("minutes", format!("{mins:02}").into()),
            ],
        )
    } else {
        m.get(
            "duration-minutes",
            &[
                ("minutes", mins.into()),
                ("seconds", format!("{s:02}").into()),
            ],
        )
    }
}

/// Seconds until what the clock alone changes of `expiry`'s display next: its [`countdown`] text
/// (by the hour beyond a day, on the wall-clock minute beyond [`SECONDS_SHOWN`], by the second
/// within it), its [`milestone`] and the [`super::health`] thresholds (five minutes left, two).
/// `None` when only an event can change it (no expiry, or already expired): the page then has
/// nothing to tick for.
pub fn next_change(expiry: Expiry, now: i64) -> Option<i64> {
    let Expiry::At(at) = expiry else {
        return None;
    };
    let left = at.saturating_sub(now);
    if left <= 0 {
        return None;
    }
    if left < SECONDS_SHOWN {
        return Some(1);
    }
    if left >= 86_400 {
        return Some(left % 3_600 + 1);
    }
    // The next wall-clock minute, unless a threshold comes first: five minutes left (the
    // milestone and "Expiring soon"), then seconds shown.
    let minute = 60 - now.rem_euclid(60);
    let thresholds = [
        at - super::EXPIRING_SOON - now,
        at - (SECONDS_SHOWN - 1) - now,
    ];
    Some(
        thresholds
            .into_iter()
            .filter(|&t| t > 0)
            .fold(minute, i64::min),
    )
}

/// The moments worth announcing to a screen reader (not every second): the page announces when
/// this changes, and when the health does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    Later,
    FiveMinutes,
    OneMinute,
    Expired,
}

pub fn milestone(expiry: Expiry, now: i64) -> Milestone {
    match expiry.seconds_left(now) {
        Some(left) if left <= 0 => Milestone::Expired,
        Some(left) if left <= 60 => Milestone::OneMinute,
        Some(left) if left <= 300 => Milestone::FiveMinutes,
        _ => Milestone::Later,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lifetime::{Clock, FakeClock};

    const T: i64 = 1_790_000_000;

    #[test]
    fn the_next_change_is_when_the_countdown_text_changes() {
        let now = 1_800_000_000;
        // Checked against what is shown itself, at any second of a minute: the next change is
        // exactly when the text or the milestone first differs, and nothing changes before it.
        for start in [now, now + 17, now + 59] {
            for left in (1..200_000)
                .step_by(97)
                .chain([
                    1, 59, 60, 61, 119, 120, 121, 299, 300, 301, 3_599, 3_600, 3_601,
                ])
                .chain([86_400, 86_401])
            {
                let expiry = Expiry::At(start + left);
                let wait = next_change(expiry, start).unwrap();
                let shown = (countdown(expiry, start), milestone(expiry, start));
                for t in 1..wait {
                    assert_eq!(
                        (countdown(expiry, start + t), milestone(expiry, start + t)),
                        shown,
                        "changed early: {left} s left, {t} s on"
                    );
                }
                assert_ne!(
                    (
                        countdown(expiry, start + wait),
                        milestone(expiry, start + wait)
                    ),
                    shown,
                    "{left} s left"
                );
            }
        }
        assert_eq!(next_change(Expiry::At(now), now), None, "expired");
        assert_eq!(next_change(Expiry::Never, now), None);
        assert_eq!(next_change(Expiry::Unknown, now), None);
        // On the wall-clock minute (`now` is a minute's first second here).
        assert_eq!(now % 60, 0);
        assert_eq!(next_change(Expiry::At(now + 7_200), now), Some(60));
        assert_eq!(next_change(Expiry::At(now + 7_230), now + 15), Some(45));
        assert_eq!(next_change(Expiry::At(now + 90_000), now), Some(1));
        // Thresholds inside the minute come first: five minutes left, then seconds.
        assert_eq!(next_change(Expiry::At(now + 330), now), Some(30));
        assert_eq!(next_change(Expiry::At(now + 150), now), Some(31));
    }

    #[test]
    fn minutes_while_more_than_two_remain_changing_once_a_minute_then_seconds() {
        // 25 minutes left, at any second of a minute: minutes, and over ten minutes the text
        // changes once a minute, always on the wall-clock minute.
        for offset in [0, 1, 29, 59] {
            let now = 1_800_000_000 + offset;
            let expiry = Expiry::At(now + 25 * 60);
            assert!(
                countdown(expiry, now).ends_with(" min"),
                "{}",
                countdown(expiry, now)
            );
            let mut changes = Vec::new();
            for t in 1..600 {
                if countdown(expiry, now + t) != countdown(expiry, now + t - 1) {
                    changes.push(now + t);
                }
            }
            assert!(changes.len() <= 10, "{changes:?}");
            assert!(changes.iter().all(|t| t % 60 == 0), "{changes:?}");
        }
        // 90 seconds left: seconds.
        assert_eq!(countdown(Expiry::At(T + 90), T), "Expires in 1:30");
        // Two connections with different expiries change at the same moments.
        let (a, b) = (Expiry::At(T + 1_234), Expiry::At(T + 2_987));
        assert_eq!(next_change(a, T), next_change(b, T));
    }

    #[test]
    fn countdowns_read_at_each_scale() {
        // `M` is a minute's first second: the minutes read exact there.
        const M: i64 = 1_790_000_040;
        assert_eq!(M % 60, 0);
        let at = |left| countdown(Expiry::At(M + left), M);
        assert_eq!(at(29 * 60 + 41), "Expires in 29 min");
        assert_eq!(at(30 * 60), "Expires in 30 min");
        assert_eq!(at(120), "Expires in 2 min");
        assert_eq!(at(119), "Expires in 1:59");
        assert_eq!(at(5), "Expires in 0:05");
        assert_eq!(at(3_600), "Expires in 1 h 00 min");
        assert_eq!(at(5 * 3_600 + 7 * 60 + 59), "Expires in 5 h 07 min");
        // Later in the minute, what it said at the minute's first second.
        assert_eq!(
            countdown(Expiry::At(M + 30 * 60), M + 59),
            "Expires in 30 min"
        );
        assert_eq!(
            countdown(Expiry::At(M + 30 * 60), M + 60),
            "Expires in 29 min"
        );
        assert_eq!(at(86_400 + 23 * 3_600 + 59), "Expires in 1 d 23 h");
        assert_eq!(at(0), "Expired");
        assert_eq!(at(-10), "Expired");
        assert_eq!(countdown(Expiry::Never, T), "Does not expire");
        assert_eq!(countdown(Expiry::Unknown, T), "Expiry unknown");
    }

    #[test]
    fn the_countdown_ticks_with_the_injected_clock() {
        let clock = FakeClock::at(T);
        let expiry = Expiry::At(T + 5);
        assert_eq!(countdown(expiry, clock.now()), "Expires in 0:05");
        clock.advance(1);
        assert_eq!(countdown(expiry, clock.now()), "Expires in 0:04");
        // A sleep of an hour: recomputed, not counted down.
        clock.advance(3_600);
        assert_eq!(countdown(expiry, clock.now()), "Expired");
    }

    #[test]
    fn milestones_change_only_at_five_minutes_one_minute_and_expiry() {
        let m = |left| milestone(Expiry::At(T + left), T);
        assert_eq!(m(301), Milestone::Later);
        assert_eq!(m(300), Milestone::FiveMinutes);
        assert_eq!(m(61), Milestone::FiveMinutes);
        assert_eq!(m(60), Milestone::OneMinute);
        assert_eq!(m(0), Milestone::Expired);
        assert_eq!(milestone(Expiry::Never, T), Milestone::Later);
    }
}
