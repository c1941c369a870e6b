/*!
What a person is shown of an expiry, by the clock alone: the countdown text, the moments worth
announcing to a screen reader, and when either next changes (so the page ticks no sooner). Kept
apart from the refresh and health rules in the parent module, which decide; this only words.
*/

use serde::Serialize;

use super::Expiry;
use crate::i18n::Messages;

/// The countdown text: "Expires in 29:41", "Expires in 5 h 07 min", "Expires in 1 d 23 h",
/// "Expired", "Does not expire", "Expiry unknown".
pub fn countdown(expiry: Expiry, now: i64) -> String {
    countdown_in(&crate::i18n::current(), expiry, now)
}

/// [`countdown`] in the language of `m`.
pub fn countdown_in(m: &Messages, expiry: Expiry, now: i64) -> String {
    let left = match expiry {
        Expiry::Never => return m.get("countdown-never", &[]),
        Expiry::Unknown => return m.get("countdown-unknown", &[]),
        Expiry::At(at) => at.saturating_sub(now),
    };
    if left <= 0 {
        return m.get("countdown-expired", &[]);
    }
    m.get("countdown-in", &[("left", time_left_in(m, left).into())])
}

/// "29:41", "5 h 07 min", "1 d 23 h": `seconds` (more than 0) left, as the countdown says it.
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
/// (by the hour beyond a day, by the minute beyond an hour, by the second within it), and so its
/// [`milestone`] and [`super::health`] thresholds, which all lie within the last hour. `None` when only
/// an event can change it (no expiry, or already expired): the page then has nothing to tick for.
pub fn next_change(expiry: Expiry, now: i64) -> Option<i64> {
    let Expiry::At(at) = expiry else {
        return None;
    };
    let left = at.saturating_sub(now);
    if left <= 0 {
        return None;
    }
    let unit = if left >= 86_400 {
        3_600
    } else if left >= 3_600 {
        60
    } else {
        1
    };
    Some(left % unit + 1)
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
        // Every second for an hour, checked against the text itself: the next change is exactly
        // when `countdown` first differs, and nothing changes before it.
        for left in (1..200_000)
            .step_by(97)
            .chain([1, 59, 60, 61, 3_599, 3_600, 3_601, 86_400, 86_401])
        {
            let expiry = Expiry::At(now + left);
            let wait = next_change(expiry, now).unwrap();
            let shown = (countdown(expiry, now), milestone(expiry, now));
            for t in 1..wait {
                assert_eq!(
                    (countdown(expiry, now + t), milestone(expiry, now + t)),
                    shown,
                    "changed early: {left} s left, {t} s on"
                );
            }
            assert_ne!(countdown(expiry, now + wait), shown.0, "{left} s left");
        }
        assert_eq!(next_change(Expiry::At(now), now), None, "expired");
        assert_eq!(next_change(Expiry::Never, now), None);
        assert_eq!(next_change(Expiry::Unknown, now), None);
        assert_eq!(next_change(Expiry::At(now + 7_200), now), Some(1));
        assert_eq!(next_change(Expiry::At(now + 7_230), now), Some(31));
    }

    #[test]
    fn countdowns_read_at_each_scale() {
        let at = |left| countdown(Expiry::At(T + left), T);
        assert_eq!(at(29 * 60 + 41), "Expires in 29:41");
        assert_eq!(at(5), "Expires in 0:05");
        assert_eq!(at(3_600), "Expires in 1 h 00 min");
        assert_eq!(at(5 * 3_600 + 7 * 60 + 59), "Expires in 5 h 07 min");
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
