internal import KapsoDiagnostics

/// The ids writes replayed by `kops check --allow-writes` created anew (tester50 F4): a send's WAMID is Meta's id of the
/// new message (contract §9.2, `messages[0].id`) and a webhook's id is the API's, so a replayed `reply` or `webhooks
/// create` never gets the recorded one on a live API. The lines after it that use the recorded id (`trace <message 2>`,
/// which a bare `trace` is recorded as; `webhooks get ID`) run with the replay's id, and the page shows the replay's id
/// as the recorded one, as it shows a new WAMID behind the same alias: what is compared is what the lines did.
///
/// What a write creates besides the ids it returns is paired too (fix51): the API log's entry of its own request (the
/// REQUEST ID `trace` shows of the send, `req_…`), its log-search events, the conversation a send opened. From the first
/// write the replay sent on, an id in a block that neither page showed before that write, at the same place of a
/// recorded line alike but for ids, and never shown by the recording, is the replay's counterpart of the recorded one.
/// An id a write created that cannot be paired leaves the recorded id stale: a later line that types it is not run.
struct CreatedIDs {
    /// The recorded id as the recording's page showed it (`<message 2>`, or the id itself where it is not masked) → the
    /// id the replay created in its place.
    private(set) var replayed: [(recorded: String, id: String)] = []
    /// Every id the recorded page shows: a replayed id among them is an object the recording knew, never a new one.
    private let recordedIDs: Set<String>
    /// The ids the recorded page and the replay's page showed before the first write the replay sent (nil until then):
    /// no write created them.
    private var before: (recorded: Set<String>, replayed: Set<String>)?
    /// Ids replayed writes created when recorded that nothing the replay created was paired with: the id as the recorded
    /// page shows it, and the write's line and command.
    private(set) var stale: [(recorded: String, line: Int, command: String)] = []

    init(recordedPage: String = "") {
        recordedIDs = Set(CreatedIDs.tokens(in: recordedPage).map(\.text))
    }

    /// After a block ran in the replay (`block`; `recorded`, its recorded block): a write's (`wrote`: its line, command
    /// and the ids it made the session's last ones) are paired (`learn`), and what it created when recorded is stale if
    /// one is not; from the first write on, every block's new ids are paired (`pairNew`). `before` gives each page up
    /// to the block (read for a write only), `shown` an id's alias on the replay's page.
    mutating func replayed(
        _ block: String, recorded: String, before: () -> (recorded: String, replayed: String),
        wrote: (line: Int, command: String, created: [String])?, shown: (String) -> String?
    ) {
        if let wrote {
            let pages = before()
            let known = Set(CreatedIDs.tokens(in: pages.recorded).map(\.text))
            if self.before == nil { self.before = (known, Set(CreatedIDs.tokens(in: pages.replayed).map(\.text))) }
            if !learn(created: wrote.created, replayedBlock: block, recordedBlock: recorded, shown: shown).isEmpty {
                // What the write showed first when recorded (a clear id the replay's block shows too was not replaced).
                let now = Set(CreatedIDs.tokens(in: block).map(\.text))
                for id in CreatedIDs.tokens(in: recorded).map(\.text)
                where !known.contains(id) && (CreatedIDs.isMessageAlias(id) || !now.contains(id))
                    && !replayed.contains(where: { $0.recorded == id }) && !stale.contains(where: { $0.recorded == id })
                {
                    stale.append((id, wrote.line, wrote.command))
                }
            }
        }
        pairNew(block, recorded: recorded)
    }

    /// The ids of `block` no page showed before the first write sent, paired with the recorded block's at the same
    /// places of lines alike but for ids: request ids, log-search event ids and UUIDs (a WAMID is paired by its alias).
    /// An id the recording shows anywhere, or one already paired otherwise, is not: that difference is reported.
    private mutating func pairNew(_ block: String, recorded: String) {
        guard let before else { return }
        let pairs = zip(block.split(separator: "\n"), recorded.split(separator: "\n")).flatMap { now, then in
            CreatedIDs.pairs(now: String(now), then: String(then))
        }
        for (now, then) in pairs
        where now != then && CreatedIDs.isNewKind(now) && CreatedIDs.isNewKind(then) && !before.recorded.contains(then)
            && !before.replayed.contains(now) && !recordedIDs.contains(now)
            && !replayed.contains(where: { $0.recorded == then || $0.id == now })
        {
            replayed.append((then, now))
        }
    }

    /// The stale id `command` (as its page shows it) uses, as a reason it is not run; nil when it uses none.
    func staleUse(in command: String) -> String? {
        let used = Set(CreatedIDs.tokens(in: command).map(\.text))
        guard let id = stale.first(where: { used.contains($0.recorded) }) else { return nil }
        return "it uses \(id.recorded), which line \(id.line) ('\(Shortened.text(id.command))') created when recorded; the "
            + "replay of that line created another id, which could not be paired with it (that line's output differs), "
            + "so run now it would use the recorded id"
    }

    /// What a withheld write `command` leaves behind, when it uses an id a replayed write created anew: `the replay
    /// created ID in place of RECORDED; it stays in the project ('webhooks delete ID --yes' removes it)`. The page shows
    /// the replay's id as the recorded one, so without this the check left an active webhook it had made and named only
    /// the recording's long-deleted id (tester54 V12). Nil when `command` uses no such id.
    func leftBehind(by command: String) -> String? {
        let used = Set(CreatedIDs.tokens(in: command).map(\.text))
        guard let made = replayed.first(where: { used.contains($0.recorded) && !CreatedIDs.isMessageAlias($0.recorded) }) else {
            return nil
        }
        let words = command.split(separator: " ")
        let undo = words.count > 2 && words[0] == "webhooks" && words[1] == "delete" ? " ('webhooks delete \(made.id) --yes' removes it)" : ""
        return "the replay created \(made.id) in place of \(made.recorded); it stays in the project\(undo)"
    }

    /// The ids a write created when replayed (`created`, the session's last message and webhook ids it changed), paired
    /// with the recorded ones by where its block shows them: the recorded block's line at the same place, alike but for
    /// ids. `shown` gives an id's alias on the replay's page (nil where it shows the id itself). An id not paired so
    /// (its block differs elsewhere) is returned: the lines after it cannot be mapped.
    mutating func learn(
        created: [String], replayedBlock: String, recordedBlock: String, shown: (String) -> String?
    ) -> [String] {
        var unpaired: [String] = []
        let pairs = zip(replayedBlock.split(separator: "\n"), recordedBlock.split(separator: "\n")).flatMap { now, then in
            CreatedIDs.pairs(now: String(now), then: String(then))
        }
        for id in created {
            let page = replayedBlock.contains(id) ? id : shown(id) ?? id
            guard let recorded = pairs.first(where: { $0.now == page })?.then else {
                unpaired.append(id)
                continue
            }
            replayed.removeAll { $0.recorded == recorded }
            if recorded != id { replayed.append((recorded, id)) }
        }
        return unpaired
    }

    /// `line` (as it runs: typed, restored) with the recorded ids replaced by the replay's; `page` is its block's line
    /// on the page, where a masked id is its alias: the Nth WAMID of `line` is the Nth `<message N>` of `page`.
    func line(_ line: String, page: String) -> String {
        guard !replayed.isEmpty else { return line }
        var tokens = CreatedIDs.tokens(in: line)
        let aliases = CreatedIDs.tokens(in: page).map(\.text).filter(CreatedIDs.isMessageAlias)
        let wamids = tokens.indices.filter { tokens[$0].text.lowercased().hasPrefix("wamid.") }
        for (recorded, id) in replayed {
            if CreatedIDs.isMessageAlias(recorded) {
                guard aliases.count == wamids.count else { continue }
                for (alias, index) in zip(aliases, wamids) where alias == recorded { tokens[index].text = id }
            } else {
                for index in tokens.indices where tokens[index].text == recorded { tokens[index].text = id }
            }
        }
        return CreatedIDs.joined(tokens, in: line)
    }

    /// `text` (the replay's page) with each created id the page shows itself (a webhook's UUID, a WAMID of a page that
    /// keeps personal data) as the recorded one.
    func page(_ text: String) -> String {
        let shownAsThemselves = replayed.filter { !CreatedIDs.isMessageAlias($0.recorded) }
        guard !shownAsThemselves.isEmpty else { return text }
        var tokens = CreatedIDs.tokens(in: text)
        for index in tokens.indices {
            if let pair = shownAsThemselves.first(where: { $0.id == tokens[index].text }) { tokens[index].text = pair.recorded }
        }
        return CreatedIDs.joined(tokens, in: text)
    }

    // MARK: - Ids in text

    /// An id in text: a WAMID (`wamid.` and its base64), a `<message N>` alias, a UUID, a request id (`req_…`) or a
    /// log-search event id (`wwe_…`, `IDShape.eventPrefixes`); `range` is where it is.
    struct Token {
        var range: Range<String.Index>
        var text: String
    }

    static func isMessageAlias(_ text: String) -> Bool { text.hasPrefix("<message ") && text.hasSuffix(">") }

    /// A UUID or a log id: what `pairNew` pairs.
    static func isNewKind(_ text: String) -> Bool { !isMessageAlias(text) && text.prefix(6).lowercased() != "wamid." }

    /// The prefixes of the API log's request ids and of log-search event ids.
    static let logPrefixes = ["req_"] + IDShape.eventPrefixes.keys.sorted()

    /// The ids of `text` in order (`Token`).
    static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            let before = index == text.startIndex ? nil : text[text.index(before: index)]
            let length = before.map { $0.isLetter || $0.isNumber || $0 == "." } == true ? 0 : idLength(rest)
            guard length > 0 else {
                index = text.index(after: index)
                continue
            }
            let end = text.index(index, offsetBy: length)
            tokens.append(Token(range: index..<end, text: String(text[index..<end])))
            index = end
        }
        return tokens
    }

    /// The length of the id `text` starts with, 0 for none.
    private static func idLength(_ text: Substring) -> Int {
        if text.hasPrefix("<message "), let close = text.firstIndex(of: ">"),
            text[text.index(text.startIndex, offsetBy: 9)..<close].allSatisfy(\.isNumber)
        {
            return text.distance(from: text.startIndex, to: close) + 1
        }
        if text.prefix(6).lowercased() == "wamid." {
            let run = WAMID.encodedRun(text.dropFirst(6)).length
            return run > 0 ? 6 + run : 0
        }
        if let prefix = logPrefixes.first(where: { text.hasPrefix($0) }) {
            let run = text.dropFirst(prefix.count).prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            // A word such as `api_key_name` is none: an id holds a digit.
            return run.contains(where: \.isNumber) ? prefix.count + run.count : 0
        }
        let uuid = Array(text.prefix(37))
        guard uuid.count >= 36, uuid.count == 36 || !(uuid[36].isLetter || uuid[36].isNumber) else { return 0 }
        let isUUID = uuid.prefix(36).enumerated().allSatisfy { offset, character in
            [8, 13, 18, 23].contains(offset) ? character == "-" : character.isHexDigit
        }
        return isUUID ? 36 : 0
    }

    /// `text` with its tokens' texts put back in their ranges.
    static func joined(_ tokens: [Token], in text: String) -> String {
        var result = ""
        var copied = text.startIndex
        for token in tokens {
            result += text[copied..<token.range.lowerBound] + token.text
            copied = token.range.upperBound
        }
        return result + text[copied...]
    }

    /// The ids of a replayed line (`now`) and the recorded one (`then`) at the same places, when the two lines are alike
    /// but for ids.
    static func pairs(now: String, then: String) -> [(now: String, then: String)] {
        let (nowTokens, thenTokens) = (tokens(in: now), tokens(in: then))
        guard nowTokens.count == thenTokens.count,
            joined(nowTokens.map { Token(range: $0.range, text: "\u{0}") }, in: now)
                == joined(thenTokens.map { Token(range: $0.range, text: "\u{0}") }, in: then)
        else { return [] }
        return zip(nowTokens, thenTokens).map { ($0.text, $1.text) }
    }
}

extension TranscriptChecker {
    /// The recorded page's text to its 1-based line `line` (a block's command line) included: what it showed before
    /// that block.
    static func page(_ text: String, before line: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(line).joined(separator: "\n")
    }
}
