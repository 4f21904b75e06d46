internal import KapsoClient
internal import KopsHTTP

/// Prints every page of a cursor-style list as it arrives (`--all`), holding one page at a time while the
/// next one is on its way (when the command gives the request it sends for a page).
///
/// Table and expanded modes print each page as a table, headed once, columns at least as wide as on the
/// pages before, records numbered on from the last page. JSON mode writes each item as one compact line (NDJSON, for `jq`) or, for the lists that have
/// always printed one document, `{"data": [...]}` exactly as `serialized(pretty:)` writes it, piece by piece.
struct ListStream {
    /// How JSON mode prints the items.
    enum JSONForm {
        /// One compact line per item.
        case lines
        /// One pretty-printed `{"data": [...]}` document, written as the pages arrive.
        case document
    }

    let context: ShellContext
    /// `json` prints JSON, anything else tables.
    let mode: OutputMode
    let jsonForm: JSONForm
    /// With no item at all, table modes still print the table's header (as a one-page list does).
    let showsEmptyTable: Bool

    init(context: ShellContext, mode: OutputMode, jsonForm: JSONForm = .lines, showsEmptyTable: Bool = false) {
        self.context = context
        self.mode = mode
        self.jsonForm = jsonForm
        self.showsEmptyTable = showsEmptyTable
    }

    /// Fetches pages from `fetch` (given the `after` query item) until the last one; returns the items shown.
    ///
    /// `request`, when given, builds the request `fetch` sends for an `after`: the next page is then asked for
    /// while this one prints (`HTTPTransport.prefetch`), and `fetch` takes its answer.
    func run<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, request: (([(String, String)]) -> HTTPRequest)? = nil,
        json: (Item) -> JSONObject, table: ([Item]) -> Table
    ) throws -> Int {
        try run(fetch: fetch, request: request, json: json, asReceived: false, table: table)
    }

    /// `run` for items that keep their object as received: JSON mode writes each item's own bytes when a page
    /// kept them (`Page.received`), laid out as the serializer would write the item, instead of serializing it.
    func run<Item: ListItem>(
        fetch: ([(String, String)]) throws -> Page<Item>, request: (([(String, String)]) -> HTTPRequest)? = nil,
        table: ([Item]) -> Table
    ) throws -> Int {
        try run(fetch: fetch, request: request, json: { $0.json }, asReceived: true, table: table)
    }

    /// `asReceived`: `json` of an item is the page's element it was decoded from, so `Page.received` may be used.
    private func run<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, request: (([(String, String)]) -> HTTPRequest)?,
        json: (Item) -> JSONObject, asReceived: Bool, table: ([Item]) -> Table
    ) throws -> Int {
        // The shell's redactor knows the session's secrets: they are masked before the JSON is written out.
        let redactor = context.shell?.redactor ?? Redactor()
        var document = JSONDocumentWriter()
        var count = 0
        var widths: [Int] = []
        let prefetch = request.map { request in { (after: [(String, String)]) in context.client.prefetch(request(after)) } }
        try CursorPages.forEachPage(fetch, prefetch: prefetch) { page in
            let items = page.items
            defer { count += items.count }
            guard !items.isEmpty else { return }
            let objects = items.map { JSONValue.object(json($0)) }
            if mode == .json {
                let received = asReceived ? page.received : nil
                // Each item's text is tested for secrets (and redacted if need be) as it is printed.
                let pretty = jsonForm == .document
                let texts = objects.indices.map { position in
                    redactor.serialized(
                        objects[position], pretty: pretty, indent: pretty ? 2 : 0,
                        asReceived: received?.text(at: position, pretty: pretty, indent: pretty ? 2 : 0))
                }
                let text = pretty ? document.add(texts) : texts.joined(separator: "\n")
                // The items' JSON rides along (not printed: the text is) so a transcript can learn what to mask.
                if !text.isEmpty { context.emit(CommandResult(json: .array(objects), jsonText: text)) }
            } else {
                var page = table(items)
                page.showsHeader = count == 0
                page.firstRecordNumber = count + 1
                page.minimumWidths = widths
                widths = TableRenderer.naturalWidths(page)
                context.emit(CommandResult(blocks: [.table(page)], json: .array(objects)))
            }
        }
        if mode == .json, jsonForm == .document {
            context.emit(CommandResult(jsonText: document.end()))
        } else if mode != .json, count == 0, showsEmptyTable {
            context.emit(CommandResult(blocks: [.table(table([]))]))
        }
        return count
    }
}

/// Writes `{"data": [...]}` in pieces, byte for byte as `JSONValue.serialized(pretty: true)` writes the whole.
///
/// Each item's closing line waits for the next item or the end, which tell whether a comma follows it, so
/// one item is held at a time.
struct JSONDocumentWriter {
    private var held: String?

    /// The lines for `items` (each `serialized(pretty: true, indent: 2)`) that are known in full, without a final
    /// newline; empty when there are none yet.
    mutating func add(_ items: [String]) -> String {
        var lines: [String] = []
        for item in items {
            if let held { lines.append(held + ",") } else { lines.append("{\n  \"data\": [") }
            held = "    " + item
        }
        return lines.joined(separator: "\n")
    }

    /// The rest of the document: the held item and the closing brackets, or the whole empty document.
    mutating func end() -> String {
        defer { held = nil }
        guard let held else { return "{\n  \"data\": []\n}" }
        return held + "\n  ]\n}"
    }
}
