internal import KapsoClient

/// Prints every page of a cursor-style list as it arrives (`--all`), holding one page at a time.
///
/// In JSON mode each item is one compact line (NDJSON, for `jq`); otherwise each page is a table.
struct ListStream {
    let context: ShellContext
    /// `json` prints NDJSON, anything else tables.
    let mode: OutputMode
    private let redactor = Redactor()

    init(context: ShellContext, mode: OutputMode) {
        self.context = context
        self.mode = mode
    }

    /// Fetches pages from `fetch(after)` until the last one; returns the number of items shown.
    func run<Item>(
        fetch: (String?) throws -> Page<Item>, json: (Item) -> JSONObject, table: ([Item]) -> Table
    ) throws -> Int {
        var after: String?
        var count = 0
        repeat {
            let page = try fetch(after)
            count += page.items.count
            if mode == .json {
                let lines = page.items.map { Block.line(StyledText(redactor.redact(.object(json($0))).serialized())) }
                if !lines.isEmpty { context.emit(CommandResult(blocks: lines)) }
            } else if !page.items.isEmpty {
                context.emit(CommandResult(blocks: [.table(table(page.items))]))
            }
            guard case .cursor(let next) = page.position else { break }
            after = next
        } while after != nil
        return count
    }
}
