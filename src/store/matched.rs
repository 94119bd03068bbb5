//! Where a search matched a persona, found from the indexed text itself: the words are compared
//! as the full-text index compares them (lower case, accents removed, each typed word a prefix
//! of a word of the text), so no second full-text query is needed per row shown — a one-letter
//! prefix costs the index far more per query than reading a few rows of text does.

use unicode_normalization::UnicodeNormalization;

use super::query::{MATCH_END, MATCH_START};

/// Words of context shown before the first matched word.
const BEFORE: usize = 2;
/// Words shown in all, matched word included.
const WORDS: usize = 7;

/// A word as the index's tokenizer (`unicode61 remove_diacritics 2`) folds it.
fn fold(word: &str) -> String {
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The typed words, folded: what each word of the text is compared with.
pub fn query_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// The first of `fields` (label, text) with a word that a query word is a prefix of, and a few
/// words of it around that word, each matched word between `MATCH_START` and `MATCH_END`
/// ("…" where the text goes on).
pub fn first_match(
    fields: &[(&'static str, &str)],
    words: &[String],
) -> Option<(&'static str, String)> {
    if words.is_empty() {
        return None;
    }
    for (label, text) in fields {
        let tokens: Vec<(usize, usize)> = token_spans(text);
        let hit = |&(a, b): &(usize, usize)| {
            let t = fold(&text[a..b]);
            words.iter().any(|w| t.starts_with(w.as_str()))
        };
        let Some(first) = tokens.iter().position(hit) else {
            continue;
        };
        let from = first.saturating_sub(BEFORE);
        let to = (from + WORDS).min(tokens.len());
        let mut out = String::new();
        if from > 0 {
            out.push('…');
        }
        for (i, span) in tokens[from..to].iter().enumerate() {
            if i > 0 {
                // The text between two words, each run of spaces and line breaks as one space.
                let gap = &text[tokens[from + i - 1].1..span.0];
                let mut space = false;
                for c in gap.chars() {
                    if c.is_whitespace() {
                        space = true;
                    } else {
                        if space {
                            out.push(' ');
                            space = false;
                        }
                        out.push(c);
                    }
                }
                if space {
                    out.push(' ');
                }
            }
            let word = &text[span.0..span.1];
            if hit(span) {
                out.push(MATCH_START);
                out.push_str(word);
                out.push(MATCH_END);
            } else {
                out.push_str(word);
            }
        }
        if to < tokens.len() {
            out.push('…');
        }
        return Some((label, out));
    }
    None
}

/// Byte ranges of the words of `text` (runs of letters and digits).
fn token_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(s: &str) -> String {
        s.replace(MATCH_START, "[").replace(MATCH_END, "]")
    }

    #[test]
    fn the_first_field_with_a_prefix_match_and_words_around_it() {
        let fields = [
            ("Name", "Ann Lee"),
            (
                "Background story",
                "She trained as a veterinarian before the quokkafication of medical writing.",
            ),
        ];
        let (label, snip) = first_match(&fields, &query_words("QUOKKA")).unwrap();
        assert_eq!(label, "Background story");
        assert_eq!(
            marked(&snip),
            "…before the [quokkafication] of medical writing"
        );
        let (label, snip) = first_match(&fields, &query_words("le")).unwrap();
        assert_eq!((label, marked(&snip).as_str()), ("Name", "Ann [Lee]"));
        assert_eq!(first_match(&fields, &query_words("zebra")), None);
        assert_eq!(first_match(&fields, &query_words("#!")), None);
    }

    #[test]
    fn accents_and_case_are_folded_as_the_index_folds_them() {
        let fields = [("Name", "Hélène Marchand")];
        let lines = [("Notes", "first line.\n\n  Second, line")];
        let (_, snip) = first_match(&lines, &query_words("sec")).unwrap();
        assert_eq!(marked(&snip), "first line. [Second], line");
        let (_, snip) = first_match(&fields, &query_words("helene")).unwrap();
        assert_eq!(marked(&snip), "[Hélène] Marchand");
        let (_, snip) = first_match(&fields, &query_words("HÉL")).unwrap();
        assert_eq!(marked(&snip), "[Hélène] Marchand");
    }

    #[test]
    fn a_prefix_inside_a_word_is_not_a_match() {
        let fields = [("Title", "Pharmacovigilance lead")];
        assert_eq!(first_match(&fields, &query_words("vigil")), None);
    }
}
