internal import KapsoDiagnostics
internal import Foundation
internal import KapsoClient

/// Masks personal data in transcript text (never on the live terminal).
///
/// - Contacts' phone numbers, in any form: `+`-prefixed numbers, and the digits of numbers learned from
///   JSON fields (`from`, `to`, `wa_id`, `recipient_id`, `conversation_phone_number`, `phone_number`…)
///   wherever they appear, with or without `+`, spaces or dashes, national or international: each form shows the
///   same few digits (`shown`: its country code, at most 3 first and 4 last national digits, never more than half of
///   a short number: `+1 415 ••• 0142`, `+354 ••• 234`).
/// - WAMIDs, which carry the contact's number in base64 (`wamid.HBgLMTQxNTU1NTAxNDI…`): stable aliases
///   `<message 1>` in first-seen order.
/// - Numbers kops never saw as a contact's, where their form makes them phone numbers (`+`, `00`, a trunk `0`, a NANP
///   grouping: `PIIMasker+UnknownNumbers`).
/// - Contact names, WhatsApp usernames (seen in results or typed as `@handle`), e-mail addresses and message bodies:
///   `<contact 1>`, `<body 1>`.
/// - Business-scoped user ids (`US.13491208655302741918`, the id of a contact who shares no number), wherever
///   they appear, typed or learned: stable aliases `<user 1>`.
/// - WhatsApp group ids (their base64 decodes to `capi_group:` and a phone number) and Click-to-WhatsApp click ids
///   (`ctwa_clid`, which tie a person to an ad click): `<group 1>`, `<ad click 1>`, by key and a group id by shape.
///
/// The business's own numbers (`display_phone_number` of its phone numbers) and ids stay as they are.
/// Mask a `CommandResult` before layout (`mask(_ result:)`) so tables are measured on the aliases.
public final class PIIMasker {
    /// Learned values, longest first; each gets its alias when it first reaches the page.
    private(set) var names: [String] = []
    private(set) var bodies: [String] = []
    /// A template send's text as the contact read it (a template message's `kapso.content`, a conversation's
    /// `last_message_text` after one): masked whole only where its parameters, bodies themselves, did not mask it first,
    /// so a send reads the same on every page whether or not the API held it yet (tester53b U21).
    private(set) var renderedTemplates: [String] = []
    /// The three lists above, by what a text must hold to show each value (`PIIMasker+Candidates`).
    private var index = LearnedIndex()
    /// How many times `mask` has looked for one learned value in one text: the work that grows with rows × values when
    /// every value is tried on every text (tester57 AB17).
    private(set) var searches = 0
    var aliases: [String: String] = [:]
    private var aliasCounts: [String: Int] = [:]
    /// Each alias bound to a salted hash of its value (`PIIMasker+ValueHashes`): the salt, the hashes this masker gave,
    /// and, in `kops check`, those the recording gave and the aliases of kept pages it may give back (tester69b D4).
    var valueSalt: String?
    var givenHashes: [String: String] = [:]
    var recordedHashes: [String: String] = [:]
    var keptAliases: Set<String> = []
    /// WAMIDs by their base64 (escapes undone) → `<message N>`, and those bases in first-seen order.
    var messages: [String: String] = [:]
    var messageOrder: [String] = []
    /// WhatsApp usernames learned (a result's `username`, a typed `@handle`), lowercased without their `@`.
    var usernames: Set<String> = []
    var users: [String: String] = [:]
    /// Digits of contacts' numbers (country code included when the API gave it).
    var contactNumbers: Set<String> = []
    /// The numbers masked so far by what their mask shows (`PIIMasker.maskIdentity`), in first-seen order (`numberTag`).
    var maskedNumbers: [String: [String]] = [:]
    /// Digits of the business's own numbers.
    var ownNumbers: Set<String> = []
    /// Numbers `kops check` takes for the business's own in the command line it replays, because the recorded line
    /// showed them in clear (`assumeOwnNumbers`): for that line only, until `endAssumedOwnNumbers`.
    var assumedOwnNumbers: Set<String> = []
    /// True while `mask(commandLine:)` runs: `assumedOwnNumbers` count as own there, never in output.
    var maskingCommandLine = false
    /// The project's own numeric ids (phone-number ids, WABA ids) seen in results: never masked as numbers.
    var ownIDs: Set<String> = []
    var lastLearned: JSONValue?
    /// Each learned value's words, as `PIIMasker+Forms` matches them.
    private var patterns: [String: Pattern] = [:]
    /// Template parameter values too short to mask wherever they appear (`H`, `42`: masking every `a` would wreck the
    /// page), masked where a summary lists them (`template order_update (en_US): <body 1>, …`).
    var shortTemplateValues: Set<String> = []
    /// Template parameter values: masked everywhere even when one word (`Maria`), unlike a contact's one-word
    /// reply (`PIIMasker+Forms`): what a business puts in a template is a name, a code, an address far more often
    /// than a word of kops's own text.
    var templateValues: Set<String> = []
    /// Strings masked by their field (`learnFieldValue`), by key (lowercased).
    var fieldValues: [String: Set<String>] = [:]
    /// Ids learned by their key (`idKinds`): the value → its kind of alias (`group`, `ad click`).
    var kindIDs: [String: String] = [:]
    /// A group id's decoded form (`capi_group:17055501391:1203…`, `IDShape.groupID`) → the group id, so both are one
    /// `<group N>`.
    var decodedGroups: [String: String] = [:]
    /// Flow replies' answers by their summary's list (`PIIMasker+FlowAnswers`).
    var flowAnswers: [String: [FlowAnswer]] = [:]

    public init() {}

    /// Learns `value` as a body, a contact's name or a rendered template send.
    func add(_ value: String, as kind: LearnedIndex.Kind) {
        // An alias or a masked number (from text masked before) is not personal data: learning it would give
        // the same person a second alias.
        // Nor is what the redactor wrote (`<redacted>`, `<redacted>!`): masking it nested a mask in a mask (AD6.5).
        // A name or body of one or two characters (`王伟`, `Jo`, `34`) is learned too, and masked where it stands as its
        // field (`PIIMasker+ShortValues`); a rendered template send that short is no sentence to find.
        guard value.count >= PIIMasker.shortLength || kind != .renderedTemplate, !index.contains(value, as: kind),
            !PIIMasker.isMasked(value),
            value.replacingOccurrences(of: String(PIIMasker.redactedMask), with: "").contains(where: { $0.isLetter || $0.isNumber }),
            index.insert(value, kind: kind, pattern: pattern(value))
        else { return }
        // Longer values first, so a name inside a longer body is not split; after those as long, as a stable sort put it.
        switch kind {
        case .body: PIIMasker.insert(value, longestFirst: &bodies)
        case .contact: PIIMasker.insert(value, longestFirst: &names)
        case .renderedTemplate: PIIMasker.insert(value, longestFirst: &renderedTemplates)
        }
    }

    /// True when `value` is learned as `kind`.
    func knows(_ value: String, as kind: LearnedIndex.Kind) -> Bool { index.contains(value, as: kind) }

    private static func insert(_ value: String, longestFirst list: inout [String]) {
        let count = value.count
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].count >= count { low = middle + 1 } else { high = middle }
        }
        list.insert(value, at: low)
    }

    /// Numbers new aliases after the highest each kind already has in `text` (`<message 3>` → the next message is
    /// `<message 4>`): `record --append` continues a file whose values this masker never saw, and restarting at 1
    /// would give one placeholder to two values in one file (probe8 P8-6).
    func continueNumbering(after text: String) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            let inside = rest.prefix { $0 != ">" && $0 != "<" && !$0.isNewline }
            guard inside.endIndex < rest.endIndex, rest[inside.endIndex] == ">",
                let space = inside.lastIndex(of: " "), let number = Int(inside[inside.index(after: space)...]),
                !inside[..<space].isEmpty, inside[..<space].allSatisfy({ $0.isLetter || $0 == " " })
            else { continue }
            let prefix = String(inside[..<space])
            aliasCounts[prefix] = max(aliasCounts[prefix, default: 0], number)
        }
    }

    /// `<contact 1>`, `<body 2>`: numbered in the order values first reach the page, so none is skipped. A WhatsApp
    /// username is one value with or without its `@` and in any case (`IDInput.sameUsername`): `@Maria.G` typed and
    /// `maria.g` from the API are one `<contact N>`.
    func alias(for value: String, prefix: String) -> String {
        let handle = value.lowercased().drop { $0 == "@" }
        let key = prefix + "\u{0}" + (prefix == "contact" && usernames.contains(String(handle)) ? "@" + handle : value)
        if let alias = aliases[key] { return alias }
        let alias = newAlias(prefix, key: key)
        aliases[key] = alias
        return alias
    }

    /// The next unused placeholder of a kind: `<message 3>` after `<message 2>`.
    func nextAlias(_ prefix: String) -> String {
        let number = aliasCounts[prefix, default: 0] + 1
        aliasCounts[prefix] = number
        return "<\(prefix) \(number)>"
    }

    func pattern(_ value: String) -> Pattern {
        if let pattern = patterns[value] { return pattern }
        let pattern = Pattern(value)
        patterns[value] = pattern
        return pattern
    }

    /// Learns the project's own numeric ids (phone-number ids, WABA ids), which are never masked as numbers.
    public func learnOwnIDs(_ ids: [String]) {
        ownIDs.formUnion(ids.filter { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    }

    /// Learns the business's own numbers (`+1 415-555-0100`, any form), which stay unmasked.
    public func learnOwnNumbers(_ numbers: [String]) {
        for number in numbers {
            let digits = PIIMasker.digits(number)
            if digits.count >= 8 { ownNumbers.insert(digits) }
        }
    }

    /// The result with every text masked: lines, table cells, field values, hints and JSON strings, so a
    /// renderer measures columns on what the page will show.
    public func mask(_ result: CommandResult) -> CommandResult {
        var masked = result
        let text = { (styled: StyledText, content: Bool) in
            StyledText(self.mask(styled.text, content: content), style: styled.style)
        }
        masked.blocks = result.blocks.map { block in
            switch block {
            case .line(let line): return .line(text(line, false))
            case .hint(let hint): return .hint(mask(hint))
            case .help(let help): return .help(mask(help, content: false))
            case .data(let data): return .data(mask(jsonText: data))
            case .command(let command): return .command(mask(command, content: false))
            case .fix(let fix): return .fix(mask(fix, content: false))
            case .fields(let fields):
                return .fields(fields.map { field in
                    let content = PIIMasker.contentLabels.contains(field.label)
                    return Field(field.label, mask(field.value.text, content: content), style: field.value.style)
                })
            case .table(var table):
                let content = table.columns.map { PIIMasker.contentHeaders.contains($0.header) }
                table.rows = table.rows.map { row in
                    row.enumerated().map { text($0.element, $0.offset < content.count && content[$0.offset]) }
                }
                return .table(table)
            }
        }
        masked.json = result.json.map { mask(json: $0, key: nil, byField: false) }
        masked.jsonText = result.jsonText.map { mask(jsonText: $0) }
        return masked
    }

    /// Where kops shows what a message says, so a one-word body is masked there too (`PIIMasker+Forms`): the
    /// `messages` table's column, the `message` and `trace` field.
    static let contentHeaders: Set<String> = ["CONTENT"]
    static let contentLabels: Set<String> = ["content"]

    /// `text` with learned bodies and names, WAMIDs and contacts' phone numbers masked; a run of two or
    /// more spaces after a replaced value (a column gap) grows or shrinks to keep columns aligned.
    ///
    /// A body or name matches in any form kops shows it (whitespace folded or escaped, cut with `…`), on word
    /// boundaries; a one-word body only when `content` (the text is what a message says): `PIIMasker+Forms`.
    public func mask(_ text: String) -> String {
        mask(text, content: false)
    }

    func mask(_ text: String, content: Bool) -> String {
        if text.contains("\":") { learnJSONText(text) }
        if let masked = maskingFlowAnswers(in: text, content: content) { return masked }
        // URL-encoded first (`Ana%20Lucia%20Gomez`): its decoded form is what the matchers below read (tester49 F2).
        var result = maskEncoded(text)
        // Longest first across bodies and names, so a short template value (`Lee`) never splits a name (`Lee Park`);
        // only the values `result` may hold (`PIIMasker+Candidates`).
        let candidates = index.candidates(in: result)
        searches += candidates.learned.count + candidates.templates.count
        for entry in candidates.learned {
            let (value, prefix) = (entry.value, entry.kind == .contact ? "contact" : "body")
            let pattern = self.pattern(value)
            if pattern.isShort {
                // Where it stands as the field it came from, never wherever two letters or digits occur.
                guard let accept = shortValuePlaces(pattern, kind: entry.kind, content: content) else { continue }
                result = PIIMasker.replace(pattern, with: self.alias(for: value, prefix: prefix), in: result, onlyWhere: accept)
                continue
            }
            if pattern.isPlainWord && !content && !templateValues.contains(value) {
                // A one-word body only as content; a one-word name wherever it is not part of a longer name.
                guard prefix == "contact" else { continue }
                result = PIIMasker.replace(
                    pattern, with: self.alias(for: value, prefix: prefix), in: result,
                    onlyWhere: { PIIMasker.namesTheContact($0, $1) || PIIMasker.standsAlone($0, $1) })
                continue
            }
            result = PIIMasker.replace(pattern, with: self.alias(for: value, prefix: prefix), in: result)
        }
        if content { result = maskShortTemplateValues(in: result) }
        for value in candidates.templates.map(\.value) {
            result = PIIMasker.replace(self.pattern(value), with: self.alias(for: value, prefix: "body"), in: result)
        }
        // After the learned values: an e-mail inside a learned body (callback data `order=A-77;email=…`) is masked with
        // the whole body, not first on its own, which left the rest of the body unmatched (tester61 AI8 vs AD callback data).
        result = maskTemplateList(maskEmails(maskPathIdentities(result)))
        result = maskKindIDs(result)
        if result.contains("wamid.") || result.contains("HBg") || result.contains("WAMID.") { result = maskWAMIDs(result) }
        if result.contains(".") { result = maskUserIDs(result) }
        return maskNumbers(result)
    }

    /// True when a line holds what `mask` writes: an alias or a masked number.
    public static func isMasked(_ line: String) -> Bool {
        if line.contains("•••") { return true }
        for prefix in TranscriptMask.kinds.map({ "<\($0.kind) " }) {
            var rest = Substring(line)
            while let range = rest.range(of: prefix) {
                let after = rest[range.upperBound...]
                let digits = after.prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, after.dropFirst(digits.count).first == ">" { return true }
                rest = after
            }
        }
        return false
    }

    // MARK: - Columns

    static func realigned(_ rest: Substring, delta: Int) -> Substring {
        let spaces = rest.prefix { $0 == " " }.count
        guard spaces >= 2, delta != 0 else { return rest }
        if delta < 0 { return Substring(String(repeating: " ", count: -delta)) + rest }
        return rest.dropFirst(min(delta, spaces - 2))
    }

    /// Appends `shown` to `result` in place of `characters[range]`, keeping the columns after it aligned (`realigned`:
    /// spaces taken from or added to the gap that follows); returns the index in `characters` to copy from next.
    static func splice(_ shown: String, replacing range: Range<Int>, in characters: [Character], into result: inout String) -> Int {
        result += shown
        let rest = Substring(String(characters[range.upperBound...]))
        let skipped = rest.count - realigned(rest, delta: shown.count - range.count).count
        if skipped < 0 { result += String(repeating: " ", count: -skipped) }
        return range.upperBound + max(skipped, 0)
    }
}
