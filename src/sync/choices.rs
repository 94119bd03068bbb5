//! A conflict settled part by part: the side-by-side view lets a person keep mine for one
//! field and take theirs for another. Pure, like the merge it finishes: the choices are applied
//! in the order of `Merge::conflicts`, each exactly as `merge::resolve` applies a whole-side
//! resolution, so `resolve SLUG --mine` is the special case "mine for every part".

use super::merge::{Merge, Side, resolve};
use crate::model::Persona;

/// Why a set of choices cannot be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceError {
    /// The choices were made for another list of conflicts (the persona changed meanwhile).
    Mismatch { conflicts: usize, choices: usize },
    /// Parts with no choice yet, by index into the conflicts.
    Undecided(Vec<usize>),
}

impl std::fmt::Display for ChoiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChoiceError::Mismatch { conflicts, choices } => write!(
                f,
                "the persona changed since the conflict was opened ({conflicts} conflicting \
                 parts now, {choices} chosen): open it again"
            ),
            ChoiceError::Undecided(parts) => write!(
                f,
                "{} part{} still without a choice: choose mine (m) or theirs (t) for each",
                parts.len(),
                if parts.len() == 1 { "" } else { "s" }
            ),
        }
    }
}

/// The persona that results from `choices[i]` for `merge.conflicts[i]`: the merge's clean
/// parts as merged, each conflicting part from the chosen side.
pub fn resolve_each(
    merge: &Merge,
    choices: &[Option<Side>],
    mine: &Persona,
    theirs: &Persona,
) -> Result<Persona, ChoiceError> {
    if choices.len() != merge.conflicts.len() {
        return Err(ChoiceError::Mismatch {
            conflicts: merge.conflicts.len(),
            choices: choices.len(),
        });
    }
    let undecided: Vec<usize> = (0..choices.len())
        .filter(|&i| choices[i].is_none())
        .collect();
    if !undecided.is_empty() {
        return Err(ChoiceError::Undecided(undecided));
    }
    let mut m = merge.clone();
    // `resolve` removes the conflict it settles, so the next one is always at index 0.
    for side in choices.iter().flatten() {
        resolve(&mut m, 0, *side, mine, theirs);
    }
    Ok(m.merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CHILD_SPECS, Kind, child_index};
    use crate::model::{Row, Value};
    use crate::sync::merge::{Conflict, merge};

    fn persona(name: &str, title: &str, status: &str) -> Persona {
        let mut p = Persona::new_draft();
        p.id = Some("p-1".into());
        p.set("name", Value::text(name));
        p.set("title", Value::text(title));
        p.set("validation_status", Value::text(status));
        p
    }

    fn goal(id: &str, text: &str) -> (usize, Row) {
        let list = child_index("goals").expect("goals list");
        let mut r = Row::new(&CHILD_SPECS[list]);
        r.id = Some(id.into());
        let col = CHILD_SPECS[list]
            .fields
            .iter()
            .position(|f| matches!(f.kind, Kind::Text | Kind::LongText))
            .expect("a text column");
        r.values[col] = Value::text(text);
        (list, r)
    }

    /// Name, title, a goal row and the status each changed both ways: four conflicts.
    fn three_sides() -> (Persona, Persona, Persona) {
        let mut base = persona("Amara", "MSL", "draft");
        let mut mine = persona("Amara (mine)", "MSL mine", "pending_review");
        let mut theirs = persona("Amara (theirs)", "MSL theirs", "archived");
        let (list, b) = goal("g-1", "base goal");
        base.lists[list].push(b);
        mine.lists[list].push(goal("g-1", "my goal").1);
        theirs.lists[list].push(goal("g-1", "their goal").1);
        (base, mine, theirs)
    }

    #[test]
    fn each_part_takes_the_side_chosen_for_it() {
        let (base, mine, theirs) = three_sides();
        let m = merge(&base, &mine, &theirs);
        let kinds: Vec<String> = m.conflicts.iter().map(Conflict::path).collect();
        assert_eq!(m.conflicts.len(), 4, "{kinds:?}");
        // Mine for the first and third part, theirs for the others.
        let choices: Vec<Option<Side>> = (0..4)
            .map(|i| Some(if i % 2 == 0 { Side::Mine } else { Side::Theirs }))
            .collect();
        let out = resolve_each(&m, &choices, &mine, &theirs).unwrap();
        for (i, c) in m.conflicts.iter().enumerate() {
            let want = if i % 2 == 0 { &mine } else { &theirs };
            match c {
                Conflict::Field { field, .. } => {
                    assert_eq!(out.core[*field], want.core[*field], "{}", c.path())
                }
                Conflict::Row { list, .. } => {
                    assert_eq!(out.lists[*list], want.lists[*list], "{}", c.path())
                }
                Conflict::Status { .. } => assert_eq!(
                    out.text("validation_status"),
                    want.text("validation_status")
                ),
                Conflict::Deleted { .. } => unreachable!("no deletion here"),
            }
        }
    }

    #[test]
    fn all_mine_and_all_theirs_equal_the_whole_side_resolution() {
        let (base, mine, theirs) = three_sides();
        let m = merge(&base, &mine, &theirs);
        for side in [Side::Mine, Side::Theirs] {
            let mut whole = m.clone();
            while !whole.conflicts.is_empty() {
                resolve(&mut whole, 0, side, &mine, &theirs);
            }
            let each = resolve_each(&m, &[Some(side); 4], &mine, &theirs).unwrap();
            assert_eq!(each, whole.merged, "{side:?}");
        }
        let mine_all = resolve_each(&m, &[Some(Side::Mine); 4], &mine, &theirs).unwrap();
        assert_eq!(mine_all.text("name"), Some("Amara (mine)"));
        let theirs_all = resolve_each(&m, &[Some(Side::Theirs); 4], &mine, &theirs).unwrap();
        assert_eq!(theirs_all.text("title"), Some("MSL theirs"));
    }

    #[test]
    fn undecided_or_stale_choices_are_refused_naming_what_is_missing() {
        let (base, mine, theirs) = three_sides();
        let m = merge(&base, &mine, &theirs);
        let err = resolve_each(
            &m,
            &[Some(Side::Mine), None, Some(Side::Theirs), None],
            &mine,
            &theirs,
        )
        .unwrap_err();
        assert_eq!(err, ChoiceError::Undecided(vec![1, 3]));
        assert!(err.to_string().contains("2 parts"), "{err}");
        let err = resolve_each(&m, &[Some(Side::Mine)], &mine, &theirs).unwrap_err();
        assert!(matches!(
            err,
            ChoiceError::Mismatch {
                conflicts: 4,
                choices: 1
            }
        ));
    }
}
