//! The items of the bad-input list (issue 7) that `cli.rs` does not cover: invalid UTF-8 in
//! the middle of a name (not inside a string), and a directory holding a file that cannot be
//! read (a broken link, which stays unreadable even for root, unlike file permissions).

use crate::support::{reglam, temp};

#[test]
fn invalid_utf8_in_the_middle_of_a_name() {
    let d = temp("name");
    std::fs::write(
        d.join("name.reglam"),
        b"regulation r {\n  actor spec\xFF\xFEialist ru \"x\"\n}\n",
    )
    .unwrap();
    let (exit, out, err) = reglam(&["check", "--format", "json", "name.reglam"], &d);
    assert_eq!(exit, 1, "{err}");
    assert!(out.contains("\"code\": \"E002\""), "{out}");
    // Located at the bad byte: line 2, column 13 (after `  actor spec`).
    assert!(out.contains("\"line\": 2"), "{out}");
    assert!(out.contains("\"column\": 13"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_directory_with_an_unreadable_file() {
    let d = temp("dir");
    std::fs::write(
        d.join("good.reglam"),
        "regulation r {\n  title ru \"x\"\n  deadline 1 wd\n  actor s ru \"s\"\n  channel c provider {\n    step a s 30 min\n    outcome o result\n  }\n}\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(d.join("gone.txt"), d.join("broken.reglam")).unwrap();
    let (exit, out, err) = reglam(&["check", "."], &d);
    assert_eq!(exit, 2, "an unreadable file is an I/O error: {out}{err}");
    assert!(err.contains("broken.reglam"), "{err}");
    assert!(err.contains("no such file"), "{err}");
    // The readable file is still checked.
    assert!(err.contains("checked 1 file"), "{err}");
}
