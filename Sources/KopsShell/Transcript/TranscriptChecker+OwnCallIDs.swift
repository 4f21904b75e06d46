internal import Foundation
internal import KapsoDiagnostics

// MARK: - The ids of kops's own calls, new with every run (tester64b U2, tester65 V4)

/// A row of kops's own call (`(kops)`, `api (kops)`) in `logs --ids` or `logs search` shows the API log id and request id
/// Kapso gave that call, and every such row the instant it was made: a replay makes the call anew, so its row has the
/// replay's ids, never the recording's, and a transcript with `logs --errors --flat --ids` after a look-up failed every
/// check (the row of the look-up read `…-000000000060`, `req_…060` instead of `…-000000000002`). A hunk whose recorded
/// and replayed lines pair up, each pair alike once those ids are one mark, says the same thing: no change. Any other
/// difference, or a row of another client's call whose ids changed, is a change as before.
///
/// The same holds for the other forms of a page (tester65 V4): a record of `--output expanded` whose KEY is marked, an
/// object of `--output json` with `"kops_own": true` (its ids and times: `id`, `created_at`, `request_id`, …), and a JSON
/// page's cursor that encodes such a call (the page's first or last row).
extension TranscriptChecker {
    /// `hunks` without those whose lines differ only in the ids of kops's own calls (`setAside`), given the two texts'
    /// lines the hunks point into.
    static func withoutOwnCallIDs(_ hunks: [LineDiff.Hunk], expected: [Substring], actual: [Substring])
        -> (kept: [LineDiff.Hunk], setAside: [LineDiff.Hunk])
    {
        guard !hunks.isEmpty else { return ([], []) }
        let (old, new) = (OwnCallLines(expected), OwnCallLines(actual))
        var kept: [LineDiff.Hunk] = []
        var setAside: [LineDiff.Hunk] = []
        for hunk in hunks {
            let same = !hunk.removed.isEmpty && hunk.removed.count == hunk.added.count
                && hunk.removed.indices.allSatisfy { offset in
                    let (at, to) = (hunk.oldStart + offset, hunk.newStart + offset)
                    return old.isMasked(at) && new.isMasked(to) && old.line(at) == new.line(to)
                }
            if same { setAside.append(hunk) } else { kept.append(hunk) }
        }
        return (kept, setAside)
    }

    /// True for a row `logs` or `logs search` marks as kops's own call.
    static func isOwnCall(_ line: Substring) -> Bool {
        line.contains(" " + OwnLookups.mark)
    }

    /// `line` with each word that is a call's id (a UUID: an API log id; `req_` and 16 or more letters and digits: a
    /// request id) or an instant as one mark.
    static func withoutCallIDs(_ line: Substring) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { word in
            isCallID(word) ? "\u{1}" : String(word)
        }.joined(separator: " ")
    }

    static func isCallID(_ word: Substring) -> Bool {
        if isInstant(word) { return true }
        if word.hasPrefix("req_") {
            return word.count >= 20 && word.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        return IDInput.isUUID(String(word))
    }

    /// `2026-11-21T12:00:01Z` (seconds, or with a fraction): when the call was made, which a replay's own call is made anew
    /// (tester65 V5: a simulator's clock moves a second every 25 requests, a real API's with the time).
    static func isInstant(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        for (index, expected) in shape.enumerated() {
            let byte = bytes[index]
            if expected == UInt8(ascii: "d") { guard byte >= 48 && byte <= 57 else { return false } } else if byte != expected { return false }
        }
        let rest = bytes[19..<(bytes.count - 1)]
        return rest.isEmpty || rest.first == UInt8(ascii: ".") && rest.dropFirst().allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}

/// A text's lines with the ids and times of kops's own calls made one mark, line for line (`masked`, nil for a line
/// left as it is): table rows marked `(kops)`, the records of `--output expanded` that hold such a row, and in JSON, the
/// objects with `"kops_own": true` and the page cursors that point at one of them.
struct OwnCallLines {
    private let lines: [Substring]
    private var masked: [Int: String] = [:]

    /// The keys of a JSON call whose values a replay makes anew.
    static let callKeys = ["id", "created_at", "request_id", "resource_id", "timestamp", "occurred_at", "ingested_at"]
    /// The keys of a JSON page's cursors.
    static let cursorKeys = ["before", "after", "next", "previous", "next_cursor", "cursor"]

    init(_ lines: [Substring]) {
        self.lines = lines
        // Nothing to mask without a mark of kops's own call (every transcript without a logs page).
        guard lines.contains(where: { $0.contains(OwnLookups.mark) || $0.contains("\"kops_own\"") }) else { return }
        maskRows()
        maskJSON()
    }

    func isMasked(_ index: Int) -> Bool { masked[index] != nil }

    /// The line at `index`, masked when it holds a call's ids.
    func line(_ index: Int) -> String { masked[index] ?? String(lines[index]) }

    /// Table rows marked `(kops)`, and every line of an expanded record (`-[ RECORD n ]-` up to the next) that holds one.
    private mutating func maskRows() {
        var record: Range<Int>?
        var ownRecord = false
        func closeRecord() {
            guard let range = record, ownRecord else { return }
            for index in range { masked[index] = TranscriptChecker.withoutCallIDs(lines[index]) }
        }
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("-[ RECORD ") {
                closeRecord()
                (record, ownRecord) = (index..<(index + 1), false)
                continue
            }
            if let range = record {
                if line.contains(":"), !line.hasPrefix("```") {
                    record = range.lowerBound..<(index + 1)
                    ownRecord = ownRecord || TranscriptChecker.isOwnCall(line)
                    continue
                }
                closeRecord()
                record = nil
            }
            if TranscriptChecker.isOwnCall(line) { masked[index] = TranscriptChecker.withoutCallIDs(line) }
        }
        closeRecord()
    }

    /// In pretty-printed JSON (an object a line per key), the `callKeys` values of each object with `"kops_own": true`, and
    /// the cursors of its page that encode one of those calls' ids; an NDJSON line (`--all`) with `"kops_own":true` alike.
    private mutating func maskJSON() {
        // Open objects: their first line and whether they are kops's own.
        var open: [(start: Int, own: Bool)] = []
        var ownIDs: [String] = []
        for (index, line) in lines.enumerated() {
            let bare = line.drop { $0 == " " }
            if bare.hasPrefix("{"), bare.hasSuffix("}"), bare.contains("\"kops_own\":true") || bare.contains("\"kops_own\": true") {
                ownIDs += Self.values(in: bare, keys: ["id"])
                masked[index] = Self.masking(line, keys: Self.callKeys)
                continue
            }
            if bare.hasSuffix("{") {
                open.append((index, false))
            } else if bare.hasPrefix("}") {
                guard let object = open.popLast() else { continue }
                guard object.own else { continue }
                var depth = 0
                for inner in (object.start + 1)..<index {
                    let text = lines[inner].drop { $0 == " " }
                    if depth == 0, let key = Self.key(of: text), Self.callKeys.contains(key) {
                        if key == "id" { ownIDs += Self.values(in: text, keys: ["id"]) }
                        masked[inner] = Self.masking(lines[inner], keys: [key])
                    }
                    if text.hasSuffix("{") || text.hasSuffix("[") { depth += 1 } else if text.hasPrefix("}") || text.hasPrefix("]") { depth -= 1 }
                }
            } else if bare.hasPrefix("\"kops_own\": true"), !open.isEmpty {
                open[open.count - 1].own = true
            } else if !ownIDs.isEmpty, let key = Self.key(of: bare), Self.cursorKeys.contains(key),
                let cursor = Self.values(in: bare, keys: [key]).first, Self.encodes(cursor, anyOf: ownIDs)
            {
                masked[index] = Self.masking(line, keys: [key])
            }
            // A new document (a fence or the next command) starts with no own ids.
            if line.hasPrefix("```") { ownIDs = [] }
        }
    }

    /// The key of a `"key": value` line.
    static func key(of text: Substring) -> String? {
        guard text.hasPrefix("\""), let end = text.dropFirst().firstIndex(of: "\""), text[text.index(after: end)...].hasPrefix(":") else {
            return nil
        }
        return String(text[text.index(after: text.startIndex)..<end])
    }

    /// The string values of `keys` in `text` (`"key": "value"` or `"key":"value"`).
    static func values(in text: Substring, keys: [String]) -> [String] {
        var found: [String] = []
        for key in keys {
            var rest = text[...]
            while let range = rest.range(of: "\"" + key + "\":") {
                rest = rest[range.upperBound...].drop { $0 == " " }
                guard rest.hasPrefix("\""), let end = rest.dropFirst().firstIndex(of: "\"") else { continue }
                found.append(String(rest[rest.index(after: rest.startIndex)..<end]))
                rest = rest[end...]
            }
        }
        return found
    }

    /// `text` with the string value of each of `keys` made one mark.
    static func masking(_ text: Substring, keys: [String]) -> String {
        var result = ""
        var rest = text[...]
        while let range = keys.compactMap({ rest.range(of: "\"" + $0 + "\":") }).min(by: { $0.lowerBound < $1.lowerBound }) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let spaces = rest.prefix { $0 == " " }
            result += spaces
            rest = rest.dropFirst(spaces.count)
            guard rest.hasPrefix("\""), let end = rest.dropFirst().firstIndex(of: "\"") else { continue }
            result += "\"\u{1}\""
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// Whether `cursor` (base64 of JSON, kapso-api.md §1) names one of `ids`.
    static func encodes(_ cursor: String, anyOf ids: [String]) -> Bool {
        var padded = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8) else { return false }
        return ids.contains { !$0.isEmpty && text.contains($0) }
    }
}
