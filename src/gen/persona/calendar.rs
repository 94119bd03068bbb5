//! Dates and timestamps for synthetic personas, from a day number (no clock, no crate).

use super::*;

/// A valid `YYYY-MM-DD` between two years (days 1-28 exist in every month).
pub(super) fn date(rng: &mut Rng, from_year: i64, to_year: i64) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.between(from_year, to_year),
        rng.between(1, 12),
        rng.between(1, 28)
    )
}

/// `day` days after 2023-01-01 at a random time, in the schema's timestamp format.
pub(super) fn timestamp(day: u64, rng: &mut Rng) -> String {
    let (y, m, d) = civil_from_days(EPOCH_2023 + day as i64);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rng.between(7, 19),
        rng.between(0, 59),
        rng.between(0, 59),
        rng.between(0, 999)
    )
}

/// Days since 1970-01-01 to a (year, month, day) of the proleptic Gregorian calendar
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::super::rows::vpanes;
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(EPOCH_2023), (2023, 1, 1));
        assert_eq!(civil_from_days(EPOCH_2023 + 59), (2023, 3, 1));
        assert_eq!(civil_from_days(EPOCH_2023 + 365 + 59), (2024, 2, 29));
    }

    #[test]
    fn vpanes_totals_stay_in_their_tier() {
        let mut rng = Rng::new(7);
        for _ in 0..2000 {
            let s = vpanes(&mut rng);
            assert!(s.iter().all(|x| *x <= 100), "{s:?}");
            let total: u32 = s.iter().sum();
            assert!(TIERS.iter().any(|(_, lo, hi)| (*lo..=*hi).contains(&total)));
        }
    }
}
