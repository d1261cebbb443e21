//! The act's text as logical lines: wrapped lines joined, conversion artifacts undone.

/// One paragraph-level line of the act, as the official database's text prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based number of the first physical line.
    pub no: usize,
    /// Indented lines open paragraphs and sub-paragraphs; unindented ones are headings.
    pub indented: bool,
    pub text: String,
}

/// Joins letter-spaced words ("к а н ц е л я р и и  у с л у г о д а т е л я"), which the
/// conversion makes of justified lines: single letters apart by one space, words by two.
pub fn unspace_letters(line: &str) -> String {
    let single = |t: &str| t.chars().count() == 1;
    let chunks: Vec<&str> = line.split("  ").collect();
    let spaced_line = chunks.iter().any(|c| {
        let t: Vec<&str> = c.split(' ').filter(|t| !t.is_empty()).collect();
        t.len() >= 3 && t.iter().all(|t| single(t))
    });
    let mut out = Vec::new();
    for chunk in chunks {
        let toks: Vec<&str> = chunk.split(' ').filter(|t| !t.is_empty()).collect();
        // Digits of a spaced line are spaced too: "2 0  ( д в а д ц а т и )".
        if spaced_line && toks.len() >= 2 && toks.iter().all(|t| single(t)) {
            out.push(toks.concat());
            continue;
        }
        // Runs of three or more single letters inside an ordinary chunk: "1 м и н у т ы".
        let mut words: Vec<String> = Vec::new();
        let mut run: Vec<&str> = Vec::new();
        let flush = |run: &mut Vec<&str>, words: &mut Vec<String>| {
            if run.len() >= 3 {
                words.push(run.concat());
            } else {
                words.extend(run.iter().map(|t| t.to_string()));
            }
            run.clear();
        };
        for t in toks {
            if single(t) && t.chars().all(|c| c.is_alphabetic() || "();,.".contains(c)) {
                run.push(t);
            } else {
                flush(&mut run, &mut words);
                words.push(t.to_string());
            }
        }
        flush(&mut run, &mut words);
        out.push(words.join(" "));
    }
    out.join("  ")
}

/// Puts a link's text back where it was. The conversion of the official database moves the
/// text of a hyperlink ("пункте 9", "приложению 2", "9-тармағында") to the end of its line and
/// leaves a double space in its place: "указанных в  Стандарта, в течении 3 (трех) пункте 9".
pub fn relink(line: &str) -> String {
    use regex::Regex;
    use std::sync::OnceLock;
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"(?i)((?:под)?пункт\w*\s+\d+(?:-\d+)?|приложени\w*\s+\d+|стать\w*\s+\d+|глав\w*\s+\d+|\d+(?:-\d+)?\s*-\s*(?:тармақ|қосымша|бап|тарма)\w*)\s*$",
        )
        .expect("a valid pattern")
    });
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let body = body.trim_end();
    let Some(m) = r.find(body) else {
        return line.to_string();
    };
    let head = body[..m.start()].trim_end();
    // Exactly one gap: otherwise the line is letter-spaced or the gap is not the link's.
    let Some(at) = head.find("  ").filter(|_| head.matches("  ").count() == 1) else {
        return line.to_string();
    };
    let link = m.as_str().trim();
    format!("{indent}{} {link} {}", &head[..at], head[at..].trim_start())
}

/// Collapses runs of white space and the spaces the conversion leaves inside brackets.
pub fn tidy(s: &str) -> String {
    let mut t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (a, b) in [("( ", "("), (" )", ")"), (" ;", ";"), (" ,", ",")] {
        while t.contains(a) {
            t = t.replace(a, b);
        }
    }
    t
}

fn starts_lower(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || "–-,;.)".contains(c))
}

/// Splits the act into logical lines.
pub fn logical_lines(src: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut prev_blank = true;
    for (i, raw) in src.lines().enumerate() {
        let raw = raw.trim_end_matches(['\r', '\u{feff}']);
        let raw = raw.trim_start_matches('\u{feff}');
        if raw.trim().is_empty() {
            prev_blank = true;
            continue;
        }
        // Paragraphs are indented by several spaces; a single space is a conversion stray.
        let lead = raw.len() - raw.trim_start_matches(' ').len();
        let indented = lead >= 3 || raw.starts_with('\t');
        let body = unspace_letters(relink(raw).trim());
        // A page break (blank lines) may fall inside a sentence: a line that goes on in lower
        // case continues the one before.
        // So may one led by a single stray space, when the line before ends no sentence
        // ("… указанных в пункте" / " Стандарта документы не принимаются;").
        let stray = lead > 0 && !indented;
        let open = out
            .last()
            .is_some_and(|l| !l.text.trim_end().ends_with(['.', ';', ':', '!', '?']));
        let continues = !indented
            && !out.is_empty()
            && (!prev_blank || starts_lower(body.trim_start()) || (stray && open));
        if continues {
            let last = out.last_mut().expect("non-empty");
            last.text.push(' ');
            last.text.push_str(&body);
        } else {
            out.push(Line {
                no: i + 1,
                indented,
                text: body,
            });
        }
        prev_blank = false;
    }
    for l in &mut out {
        l.text = tidy(&l.text);
    }
    out
}

/// Whether the text is Kazakh: letters Russian does not have.
pub fn is_kazakh(src: &str) -> bool {
    let kk = src
        .chars()
        .filter(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(*c))
        .count();
    let cyr = src
        .chars()
        .filter(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(' ')))
        .count();
    kk * 40 > cyr
}

/// Lower case, `ё` as `е`, white space collapsed: how names are compared.
pub fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace('ё', "е")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .map(latin_in_cyrillic)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Latin look-alike typed inside a Cyrillic word (`көрсетiлетiн`) compares as the Cyrillic
/// letter; the draft keeps the act's spelling, so the check still reports it.
fn latin_in_cyrillic(w: &str) -> String {
    if !w.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        return w.to_string();
    }
    w.chars()
        .map(|c| match c {
            'i' => 'і',
            'o' => 'о',
            'a' => 'а',
            'e' => 'е',
            'c' => 'с',
            'p' => 'р',
            'x' => 'х',
            'y' => 'у',
            c => c,
        })
        .collect()
}

/// A Latin identifier made from a name: `специалист услугодателя` → `spetsialist_uslugodatelya`.
pub fn slug(s: &str, max_words: usize) -> String {
    let mut words = Vec::new();
    for w in norm(s).split(' ').take(max_words) {
        let mut o = String::new();
        for c in w.chars() {
            let ascii;
            o.push_str(match c {
                'а' => "a",
                'б' => "b",
                'в' => "v",
                'г' | 'ғ' => "g",
                'д' => "d",
                'е' | 'э' => "e",
                'ж' => "zh",
                'з' => "z",
                'и' | 'й' | 'і' => "i",
                'к' | 'қ' => "k",
                'л' => "l",
                'м' => "m",
                'н' | 'ң' => "n",
                'о' | 'ө' => "o",
                'п' => "p",
                'р' => "r",
                'с' => "s",
                'т' => "t",
                'у' | 'ұ' | 'ү' => "u",
                'ф' => "f",
                'х' | 'һ' => "h",
                'ц' => "ts",
                'ч' => "ch",
                'ш' => "sh",
                'щ' => "sch",
                'ы' => "y",
                'ю' => "yu",
                'я' => "ya",
                'ә' => "a",
                'ъ' | 'ь' => "",
                c if c.is_ascii_alphanumeric() => {
                    ascii = c.to_string();
                    &ascii
                }
                _ => "",
            });
        }
        if !o.is_empty() {
            words.push(o);
        }
    }
    let s = words.join("_");
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s
    } else {
        format!("x{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_spacing_is_undone() {
        assert_eq!(
            unspace_letters("к а н ц е л я р и и  у с л у г о д а т е л я ;"),
            "канцелярии  услугодателя;"
        );
        assert_eq!(unspace_letters("в течении 30 минут"), "в течении 30 минут");
    }

    #[test]
    fn links_go_back() {
        assert_eq!(
            relink("указанных в  Стандарта, в течении 3 (трех) пункте 9"),
            "указанных в пункте 9 Стандарта, в течении 3 (трех)"
        );
        assert_eq!(
            relink("Стандарттың  көзделген тізбеге 9-тармағында"),
            "Стандарттың 9-тармағында көзделген тізбеге"
        );
        assert_eq!(relink("обычная строка пункте 9"), "обычная строка пункте 9");
    }

    #[test]
    fn wrapped_lines_join() {
        let src = "Заголовок\n      1) специалист регистрирует в течение 30 (тридцати)\nминут;\n\n\nм и н у т а\n      2) далее\n";
        let l = logical_lines(src);
        assert_eq!(l.len(), 3);
        assert_eq!(l[1].no, 2);
        assert!(l[1].text.ends_with("минут; минута"));
    }

    #[test]
    fn language_and_slug() {
        assert!(is_kazakh("көрсетілетін қызметті берушінің маманы"));
        assert!(!is_kazakh("специалист услугодателя"));
        assert_eq!(
            slug("Специалист услугодателя", 3),
            "spetsialist_uslugodatelya"
        );
        assert_eq!(slug("жұмыс тобы", 3), "zhumys_toby");
    }
}
