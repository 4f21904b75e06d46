/// Why walking a list's pages (`--all`, counts over a period) stopped before its end.
public enum ListError: KopsError, Equatable {
    /// More pages than `CursorPages.maxPages`.
    case tooManyPages(limit: Int)
    /// The API handed back a cursor it had already given, which would loop forever.
    case cursorRepeated

    public var message: String {
        switch self {
        case .tooManyPages(let limit):
            "stopped after \(limit) pages (the limit for one list); narrow it with --period or a filter"
        case .cursorRepeated:
            "the API returned a page cursor it had already given; stopped instead of looping (a server bug); try again"
        }
    }

    public var exitStatus: ExitStatus { .failure }
}
