//! Numeric options checked before any work starts, each refused with one
//! line that says what is allowed (`--timeout 1e300` would otherwise panic
//! in `Duration`, a huge `--max-body` would wrap).

use std::fmt::Display;
use std::time::Duration;

/// The longest time limit accepted: one day.
pub const MAX_SECONDS: f64 = 86_400.0;

/// A time limit in seconds: finite, from 1 ms to [`MAX_SECONDS`].
pub fn seconds(flag: &str, value: f64) -> anyhow::Result<Duration> {
    if !(0.001..=MAX_SECONDS).contains(&value) {
        // Short: 1e300 as written, not as 301 digits.
        let got = if value.abs() >= 1e6 { format!("{value:e}") } else { value.to_string() };
        anyhow::bail!("{flag} must be a number of seconds from 0.001 to {MAX_SECONDS} (got {got})");
    }
    Ok(Duration::from_secs_f64(value))
}

/// A count or size within `lo..=hi`.
pub fn within<T: PartialOrd + Display>(flag: &str, value: T, lo: T, hi: T) -> anyhow::Result<T> {
    if value < lo || value > hi {
        anyhow::bail!("{flag} must be from {lo} to {hi} (got {value})");
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_values_are_refused_with_the_range() {
        let msg = |r: anyhow::Result<Duration>| r.err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            msg(seconds("--timeout", 1e300)),
            "--timeout must be a number of seconds from 0.001 to 86400 (got 1e300)"
        );
        for bad in [f64::NAN, f64::INFINITY, -1.0, 0.0, 0.0001] {
            assert!(seconds("--timeout", bad).is_err(), "{bad}");
        }
        assert_eq!(seconds("--timeout", 2.5).ok(), Some(Duration::from_millis(2500)));
        assert_eq!(within("--threads", 4usize, 1, 256).ok(), Some(4));
        let e = within("--max-body", u64::MAX, 1, 1 << 30).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(e, "--max-body must be from 1 to 1073741824 (got 18446744073709551615)");
    }
}
