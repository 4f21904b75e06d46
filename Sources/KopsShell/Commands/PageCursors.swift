internal import KapsoClient

/// The next-page cursors one walk over a list was given: the one repeated-cursor guard of every loop that follows a
/// list's pages (`CursorPages` for `--all` and counts, `FailureFetch` for `errors`, `trace`'s and `whois`' look-ups).
///
/// A cursor handed back a second time would read the same pages again without end (a server bug); each loop stops
/// there and says so with `ListError.cursorRepeated` (probe27 P27-18: `logs --all` stopped, while `errors` read one page
/// 20 times and counted "960+" failures for 48).
struct PageCursors {
    private var seen: Set<String> = []

    /// True when `cursor` was given before in this walk; otherwise notes it and returns false.
    mutating func repeats(_ cursor: String) -> Bool {
        !seen.insert(cursor).inserted
    }

    /// `repeats` for the cursor of `page`'s next page (its `after`, or the page number of a numbered list); false on
    /// the last page.
    mutating func repeats<Item>(nextOf page: Page<Item>) -> Bool {
        guard let next = page.nextPageQuery else { return false }
        return repeats(next.map { $0.0 + "=" + $0.1 }.joined(separator: "&"))
    }

    /// True when `cursor` was given before, without noting it (a prefetch asks before the page is shown).
    func gave(_ cursor: String) -> Bool {
        seen.contains(cursor)
    }
}
