//! The printed referral sheet, through a real browser: `pamphlet print`
//! writes HTML for the sample directory, headless Chromium prints it to PDF
//! on A4 and on Letter paper, and the page counts must be what the layout was
//! designed to: a change that makes records spill (or the page rules stop
//! working) changes them.
//!
//! Needs Debian's `chromium`. Where it is missing the test says so and
//! passes, except on CI (`CI=true`), where it fails: CI installs it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{stderr_of, TestVault};
use wait_timeout::ChildExt;

/// Pages the sample directory takes, measured when the layout was made.
const EXPECTED_A4_PAGES: usize = 24;
const EXPECTED_LETTER_PAGES: usize = 27;

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// Prints `html` to `pdf` with headless Chromium, which must finish in time.
fn print_to_pdf(chromium: &Path, html: &Path, pdf: &Path, profile: &Path) {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-extensions",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    match child.wait_timeout(Duration::from_secs(60)).unwrap() {
        Some(status) => assert!(status.success(), "chromium failed: {status}"),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish printing within 60 s");
        }
    }
}

/// Page objects in a PDF: `/Type /Page` (or `/Type/Page`) not followed by
/// `s`, which would be the page tree.
fn count_pages(pdf: &[u8]) -> usize {
    let mut count = 0;
    for pattern in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        let mut at = 0;
        while let Some(found) = memchr::memmem::find(&pdf[at..], pattern) {
            let end = at + found + pattern.len();
            if pdf.get(end) != Some(&b's') {
                count += 1;
            }
            at = end;
        }
    }
    count
}

#[test]
fn the_sample_sheet_fits_the_expected_pages_on_a4_and_letter() {
    let Some(chromium) = find_chromium() else {
        common::skip_unless_ci("chromium is not installed (apt-get install chromium)");
        return;
    };
    let vault = TestVault::with_sample();
    let mut pages = Vec::new();
    for paper in ["a4", "letter"] {
        let html = vault.temp.path().join(format!("sheet-{paper}.html"));
        let output = vault
            .cmd()
            .args(["print", "--paper", paper, "--out"])
            .arg(&html)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        let pdf = vault.temp.path().join(format!("sheet-{paper}.pdf"));
        let profile = vault.temp.path().join(format!("chromium-{paper}"));
        print_to_pdf(&chromium, &html, &pdf, &profile);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "a PDF was written");
        pages.push(count_pages(&bytes));
    }
    eprintln!("A4: {} pages, Letter: {} pages", pages[0], pages[1]);
    assert_eq!(
        (pages[0], pages[1]),
        (EXPECTED_A4_PAGES, EXPECTED_LETTER_PAGES),
        "(A4, Letter) pages for the sample"
    );
}
