internal import KapsoClient
internal import KopsHTTP

/// Prints every page of a cursor-style list as it arrives (`--all`), holding one page at a time while the
/// next one is on its way (when the command gives the request it sends for a page).
///
/// Table and expanded modes print each page as a table, headed once, columns at least as wide as on the
/// pages before, records numbered on from the last page. JSON mode writes each item as one compact line (NDJSON, for
/// `jq`), for every list alike (probe20 P20-2: `messages` and `conversations` wrote one pretty `{"data": [...]}`
/// document, against what `help output` says). A list cut short (Ctrl-C, a later page that fails) ends in JSON mode
/// with one more line, `{"kops_incomplete": {...}}` (`incompleteLine`), then the error fails the command: complete
/// NDJSON lines alone would read as the whole list.
struct ListStream {
    let context: ShellContext
    /// `json` prints JSON, anything else tables.
    let mode: OutputMode
    /// With no item at all, table modes still print the table's header (as a one-page list does).
    let showsEmptyTable: Bool

    init(context: ShellContext, mode: OutputMode, showsEmptyTable: Bool = false) {
        self.context = context
        self.mode = mode
        self.showsEmptyTable = showsEmptyTable
    }

    /// The page size an `--all` asks for: `--limit N` (1-100, "per page" in every list's help), else 100. Smaller pages
    /// are what a slow proxy or a short gateway timeout needs (tester63 AN9: `--limit` was ignored, 100 asked for).
    static func pageSize(_ arguments: Arguments) -> Int { arguments.integer("--limit") ?? 100 }

    /// Fetches pages from `fetch` (given the `after` query item) until the last one; returns the items shown.
    ///
    /// `request`, when given, builds the request `fetch` sends for an `after`: the next page is then asked for
    /// while this one is decoded and printed (`HTTPTransport.prefetch`, `KapsoClient.listCursorAhead`), and `fetch` takes
    /// its answer.
    func run<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, request: (([(String, String)]) -> HTTPRequest)? = nil,
        json: (Item) -> JSONObject, own: (([Item]) -> Set<String>)? = nil, table: ([Item]) -> Table
    ) throws -> Int {
        try run(
            fetch: fetch, request: request, json: json, asReceived: false, addition: nil, own: own, table: { items, _ in table(items) })
    }

    /// `run` for items that keep their object as received: JSON mode writes each item's own bytes when a page
    /// kept them (`Page.received`), laid out as the serializer would write the item, instead of serializing it.
    ///
    /// `fetch` also gets the keys to cut each item down to (`KapsoClient.performList(_:keeping:)`), or nil for whole
    /// items: in JSON mode the keys the item's `init(json:)` checks; whole items in table modes, and while a
    /// transcript records, whose masker learns from each page's JSON.
    ///
    /// `addition`, when given, is a member kops adds last to each item's object (`messages`' `kops`, `MessageReading`):
    /// every line has it, the bytes received having it spliced in (`AddedMember.spliced`) rather than the item written again.
    /// `fetch` must then give whole items (it is given nil keys).
    ///
    /// `own`, when given, names the ids of a page's items kops made itself (`OwnLookups.kopsIDs`): in JSON mode their
    /// lines get `"kops_own":true` last, as one page's JSON has it (`OwnLookups.marking`); the table marks them itself.
    func run<Item: ListItem>(
        fetch: (_ after: [(String, String)], _ keys: [String]?) throws -> Page<Item>,
        request: (([(String, String)]) -> HTTPRequest)? = nil, addition: AddedMember<Item>? = nil,
        own: (([Item]) -> Set<String>)? = nil, table: ([Item]) -> Table
    ) throws -> Int {
        let keys = context.shell?.recorder == nil && mode == .json && addition == nil ? Item.checkedKeys : nil
        return try run(
            fetch: { try fetch($0, keys) }, request: request, json: { $0.json }, asReceived: true, addition: addition, own: own,
            table: { items, _ in table(items) })
    }

    /// `run` for items whose table rows are read from the page's bytes: in table modes each item is cut down to the
    /// keys its `init(json:)` checks and the values of `tableKeys` are located in its bytes without being parsed
    /// (`ReceivedItems.located`), and `locatedTable` makes the table from them, where `table` would read the same
    /// values from whole items (docs/performance.md, "Session 11"). A page the scanner leaves to the parser, and
    /// every page while a transcript records, is whole and goes to `table`.
    ///
    /// `fetch` gets the keys to keep (nil for whole items) and the keys to locate.
    func run<Item: ListItem>(
        fetch: (_ after: [(String, String)], _ keys: [String]?, _ located: [String]) throws -> Page<Item>,
        request: (([(String, String)]) -> HTTPRequest)? = nil, tableKeys: [String], table: ([Item]) -> Table,
        locatedTable: ([Item], ReceivedItems) -> Table
    ) throws -> Int {
        let whole = context.shell?.recorder != nil
        let keys = whole ? nil : Item.checkedKeys
        let located = whole || mode == .json ? [] : tableKeys
        return try run(
            fetch: { try fetch($0, keys, located) }, request: request, json: { $0.json }, asReceived: true, addition: nil, own: nil,
            table: { items, received in
                if let received, !located.isEmpty, received.locatedKeys == located { return locatedTable(items, received) }
                return table(items)
            })
    }

    /// `asReceived`: `json` of an item is the page's element it was decoded from (`addition`'s member, when given, is added
    /// to it), so `Page.received` may be used.
    private func run<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, request: (([(String, String)]) -> HTTPRequest)?,
        json: (Item) -> JSONObject, asReceived: Bool, addition: AddedMember<Item>?, own: (([Item]) -> Set<String>)?,
        table: ([Item], ReceivedItems?) -> Table
    ) throws -> Int {
        var count = 0
        var widths: [Int] = []
        var records: Bool?
        let prefetch = request.map { request in { (after: [(String, String)]) in context.client.prefetch(request(after)) } }
        // SIGTERM or SIGHUP (`timeout`, a CI runner, `docker stop`) stops the stream as Ctrl-C does, so the line being
        // written is finished and the marker follows; then it ends kops as it would have (tester63 AN15: a half NDJSON
        // line and no marker).
        context.holdTermination()
        defer { context.releaseTermination() }
        do {
            try pages(
                fetch: { try Self.fetchRetryingServerFailures(fetch, $0, in: context) }, prefetch: prefetch, json: json, asReceived: asReceived, addition: addition, own: own, table: table,
                count: &count, widths: &widths, records: &records)
        } catch {
            // Standard output that failed takes no more text (`OutputSink.outputFailure`): the line is dropped then.
            // The reason is the error line the command ends with, said the way `Shell.report` says it (tester63 AN5).
            if mode == .json {
                context.emit(
                    CommandResult(
                        jsonText: Self.incompleteLine(
                            printed: count, error: context.shell?.explained(error) ?? error, signal: context.terminationReceived())))
            }
            throw error
        }
        if mode != .json, count == 0, showsEmptyTable {
            context.emit(CommandResult(blocks: [.table(table([], nil))]))
        }
        return count
    }

    /// The line that ends an NDJSON list cut short, e.g. `{"kops_incomplete":{"printed":200,"status":130,"reason":
    /// "cancelled (Ctrl-C)"}}`: how many items came before it, and the exit status and error line the command ends
    /// with (`ErrorReport`). A `kops_` key, as kops's own additions to the API's JSON are named (`kops_webhooks`), so it
    /// is no item of the list: `jq 'select(.kops_incomplete)'` finds it.
    /// `signal`: SIGTERM or SIGHUP that stopped it (0: none), said with the status a shell gives then (128 + signal).
    static func incompleteLine(printed: Int, error: any Error, signal: Int32 = 0) -> String {
        let report = ErrorReport(error)
        let cancelled = ErrorReport.isCancellation(error)
        let reason = cancelled ? (signal != 0 ? endedBy(signal) : "cancelled (Ctrl-C)") : report.message
        let status = cancelled ? (signal != 0 ? 128 + Int(signal) : Int(ExitStatus.interrupted.rawValue)) : Int(report.status.rawValue)
        let marker: JSONValue = [
            "kops_incomplete": [
                "printed": .number(String(printed)), "status": .number(String(status)), "reason": .string(reason),
            ]
        ]
        return marker.serialized()
    }

    /// `ended by SIGTERM` (`ended by SIGHUP`, `ended by signal N`): what stopped a stream that termination was held for.
    static func endedBy(_ signal: Int32) -> String {
        "ended by " + ([1: "SIGHUP", 15: "SIGTERM"][signal] ?? "signal \(signal)")
    }

    /// Prints each page as it comes; `count` and `widths` carry on from page to page (and tell the caller how many
    /// items were printed when a page fails).
    private func pages<Item>(
        fetch: ([(String, String)]) throws -> Page<Item>, prefetch: (([(String, String)]) -> Void)?,
        json: (Item) -> JSONObject, asReceived: Bool, addition: AddedMember<Item>?, own: (([Item]) -> Set<String>)?,
        table: ([Item], ReceivedItems?) -> Table, count: inout Int, widths: inout [Int], records: inout Bool?
    ) throws {
        // The client tells the next cursor before it decodes the page (`CursorPages.forEachPage`'s `ahead`).
        let client = context.client
        let ahead = prefetch.map { _ in { (hook: ((String) -> Void)?) in client.listCursorAhead = hook } }
        try CursorPages.forEachPage(fetch, prefetch: prefetch, ahead: ahead) { page in
            let items = page.items
            defer { count += items.count }
            guard !items.isEmpty else { return }
            let received = asReceived ? page.received : nil
            // A page cut down to a few keys (`Page.keptKeys`) has no whole item to hand on: its JSON stays behind.
            let cutDown = asReceived && page.keptKeys != nil
            // A table learns here; JSON only where the page's own byte test fails (below), which a page with a secret-named
            // member or URL credentials does: a clean page then costs nothing more (the test is made anyway).
            if cutDown, let received, mode != .json { learnSecrets(from: received, urls: false) }
            // The added member's value of each item, read once for the items' JSON and the lines printed.
            let added = addition.map { $0.values(of: items) }
            func wholeObjects() -> JSONValue? {
                cutDown ? nil : JSONValue.array(items.indices.map { position in
                    guard let addition, let added else { return .object(json(items[position])) }
                    return .object(addition.adding(added[position], to: json(items[position])))
                })
            }
            if mode == .json {
                // The shell's redactor knows the session's secrets: they are masked before the JSON is written out.
                var redactor = context.shell?.redactor ?? Redactor()
                let members = addition.flatMap { addition in added.flatMap { addition.members(of: items, values: $0) } }
                // kops's own calls (tester63 AN4: the table marked them, the stream's lines did not): a page with one is
                // written item by item, the few marked ones given the member; a page without one costs nothing more.
                let ownIDs = own?(items) ?? []
                if ownIDs.isEmpty, let received, received.count == items.count, addition == nil || members != nil,
                    let text = Self.clearedLines(received, redactor: redactor, adding: members)
                {
                    // Printed as its text, the page's JSON is read only by a recording, to learn what to mask
                    // (`Shell.show`): without one it is not made (each item's object copied to add a member, then freed).
                    var result = CommandResult(json: context.shell?.recorder == nil ? nil : wholeObjects(), jsonText: text)
                    result.jsonTextCleared = true
                    context.emit(result)
                    return
                }
                if cutDown, let received {
                    learnSecrets(from: received, urls: true)
                    redactor = context.shell?.redactor ?? redactor
                }
                // Each item's text is tested for secrets (and redacted if need be) as it is printed; an item given a member
                // is no longer its bytes as received.
                let objects = wholeObjects()
                let texts = items.indices.map { position in
                    if !ownIDs.isEmpty,
                        case .object(var object) = whole(position, of: items, objects: objects, received: received, json: json),
                        let id = object["id"]?.string, ownIDs.contains(id)
                    {
                        object["kops_own"] = .bool(true)
                        return redactor.serialized(.object(object), pretty: false, indent: 0)
                    }
                    return redactor.serialized(
                        whole(position, of: items, objects: objects, received: received, json: json), pretty: false, indent: 0,
                        asReceived: addition == nil ? received?.text(at: position, pretty: false, indent: 0) : nil)
                }
                let text = texts.joined(separator: "\n")
                // The items' JSON rides along (not printed: the text is) so a transcript can learn what to mask.
                if !text.isEmpty { context.emit(CommandResult(json: objects, jsonText: text)) }
            } else {
                let objects = wholeObjects()
                var page = table(items, received)
                page.showsHeader = count == 0
                page.firstRecordNumber = count + 1
                page.minimumWidths = widths
                // Measured once, on the cells as shown (redacted: the widths carry on to the next page), and the render
                // uses the measures again (`Table.measured`).
                widths = (context.shell?.redactor ?? Redactor()).measureRedacted(&page)
                // A page too wide for a table at this width is shown as records, one that fits again as a table (headed):
                // the change is said where it happens (tester63 AN8: page 3 became records with no word).
                let asRecords = context.shell?.showsAsRecords(page) ?? false
                if let before = records, before != asRecords {
                    if !asRecords { page.showsHeader = true }
                    context.emit(CommandResult(blocks: [.hint(Self.formChange(toRecords: asRecords, from: count + 1))]))
                }
                records = asRecords
                context.emit(CommandResult(blocks: [.table(page)], json: objects))
            }
        }
    }

    /// The line said when a streamed table changes form at item `from` (numbered from 1).
    static func formChange(toRecords: Bool, from: Int) -> String {
        toRecords
            ? "from row \(from) on the rows are too wide for a table at this width: shown as records (a wider terminal, or --output json, keeps one form)"
            : "from row \(from) on the rows fit a table again"
    }

    /// An NDJSON page as received: the items' compact texts, one a line, when together they pass
    /// `Redactor.printsAsIs`; nil when they do not, and each item is tested (and redacted) on its own.
    ///
    /// Then each item passes `leavesUnchanged(serialized:)` too, so the page is what the items printed one by one
    /// give, and the shell prints it without testing it again (`CommandResult.jsonTextCleared`).
    ///
    /// `adding`: one compact member text (`"kops":{…}`) for each item, spliced in last (`AddedMember.spliced`).
    static func clearedLines(_ received: ReceivedItems, redactor: Redactor, adding: [[UInt8]]? = nil) -> String? {
        // The lines' byte test was answered as they were laid out when every item was copied as it is.
        guard var (lines, printable) = received.compactLinesTested(), !lines.isEmpty else { return nil }
        if let adding {
            guard let spliced = AddedMember.spliced(lines, members: adding, printable: printable) else { return nil }
            (lines, printable) = spliced
        }
        guard lines.withUnsafeBufferPointer({ redactor.printsAsIs(lines: $0, printableWithoutBackslash: printable) }) else { return nil }
        return String(decoding: lines.dropLast(), as: UTF8.self)
    }

    /// Teaches the shell's redactor the secrets of a page cut down to a few keys, whose tree the client's answer hook
    /// learned from held none of its other members (tester63 AN1: `deliveries --all` masked a delivery's `secret_key`
    /// by its name and printed its value in clear in the same item's `response_body` and in later pages, where
    /// `next` masked it). Only a page whose bytes may hold a secret-named member (or, with `urls`, a URL's credentials)
    /// is parsed whole. A table leaves URL credentials out of the test: a URL's password is masked in place wherever a
    /// cell shows the URL, and the scan cost a table of 10,000 deliveries 6 % more instructions (session 63 bench:
    /// `deliveries --all` 1.41x where the goal is 1.3x).
    private func learnSecrets(from received: ReceivedItems, urls: Bool) {
        guard received.bytesSatisfy({ Redactor.mayTeachSecrets($0, urls: urls) }) else { return }
        context.shell?.redactor.learn(from: .array((0..<received.count).compactMap(received.value(at:))))
    }

    /// Item `position` as a whole value: from the page's tree, or parsed from its bytes when the page was cut down.
    private func whole<Item>(
        _ position: Int, of items: [Item], objects: JSONValue?, received: ReceivedItems?, json: (Item) -> JSONObject
    ) -> JSONValue {
        if case .array(let values)? = objects { return values[position] }
        // The bytes passed the scanner, so the parser takes them; the cut-down object is only a stand-in.
        return received?.value(at: position) ?? .object(json(items[position]))
    }
}
