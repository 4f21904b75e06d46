internal import KapsoClient

/// Prints every page of a cursor-style list as it arrives (`--all`), holding one page at a time.
///
/// In JSON mode each item is one compact line (NDJSON, for `jq`); otherwise each page is a table, headed once.
struct ListStream {
    let context: ShellContext
    /// `json` prints NDJSON, anything else tables.
    let mode: OutputMode
    private let redactor = Redactor()

    init(context: ShellContext, mode: OutputMode) {
        self.context = context
        self.mode = mode
    }

    /// Fetches pages from `fetch` (given the `after` query item) until the last one; returns the items shown.
    func run<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, json: (Item) -> JSONObject, table: ([Item]) -> Table
    ) throws -> Int {
        var count = 0
        try CursorPages.forEach(fetch) { items in
            count += items.count
            if mode == .json {
                let lines = items.map { Block.line(StyledText(redactor.redact(.object(json($0))).serialized())) }
                if !lines.isEmpty { context.emit(CommandResult(blocks: lines)) }
            } else if !items.isEmpty {
                var page = table(items)
                page.showsHeader = count == items.count
                // The items' JSON rides along (unrendered in table modes) so a transcript can learn what to mask.
                context.emit(CommandResult(blocks: [.table(page)], json: .array(items.map { .object(json($0)) })))
            }
        }
        return count
    }
}
