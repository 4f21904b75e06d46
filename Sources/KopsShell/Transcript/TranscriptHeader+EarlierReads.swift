internal import Foundation
internal import KapsoDiagnostics

/// What a session had read of the project's numbers when `record` started mid-session (tester69b D11): `use`, `numbers` or
/// `health` before `record`, then `trace`, whose verdict weighs the number's record and health ("but a reply from this
/// number fails now: Support Line is DISCONNECTED"). The replay began with neither, so an unchanged session failed its
/// check and `--update` offered "free-form replies go through" over the warning. The header names them, and `kops check`
/// reads them again before the first line (`TranscriptChecker.restoreEarlierReads`): a change in the data since still
/// shows, and nothing the recording weighed is missing.
///
/// `- numbers read: all` (the whole list, as `use` and `numbers` read it) or `- numbers read: 100200300400501, …`;
/// `- health read: 100200300400501 ('health', checked 2026-11-21T12:00:00Z); 100200300400502 (checked …)`.
extension TranscriptHeader {
    /// Which of the project's numbers' records the session held.
    public enum NumbersRead: Sendable, Equatable {
        case all
        case ids([String])
    }

    /// A number's health read the session held: whether `health` read it (its triage weighs more than a summary's) and
    /// when the check ran, as the report said (a demo replay reads it at that instant).
    public struct HealthNote: Sendable, Equatable {
        public var phoneNumberID: String
        public var byHealth: Bool
        public var checkedAt: String?
    }

    /// The header's lines for them; none when the session had read neither (a recording's first line, every golden).
    var earlierReadLines: [String] {
        var lines: [String] = []
        switch numbersRead {
        case .all: lines.append("- numbers read: all")
        case .ids(let ids) where !ids.isEmpty: lines.append("- numbers read: " + ids.joined(separator: ", "))
        default: break
        }
        let notes = healthRead.map { note in
            let facts = (note.byHealth ? ["'health'"] : []) + (note.checkedAt.map { ["checked \($0)"] } ?? [])
            return note.phoneNumberID + (facts.isEmpty ? "" : " (" + facts.joined(separator: ", ") + ")")
        }
        if !notes.isEmpty { lines.append("- health read: " + notes.joined(separator: "; ")) }
        return lines
    }

    /// Notes what `ids` holds (`record` does, as it writes the header). Only ids of one word are named: the line must
    /// read back as written.
    mutating func noteEarlierReads(from ids: IDCache) {
        let named = ids.phoneNumbers.keys.filter(Self.isPlainID).sorted()
        if ids.phoneNumbersListed, !named.isEmpty {
            numbersRead = .all
        } else if !named.isEmpty {
            numbersRead = .ids(named)
        }
        healthRead = ids.healthReads.values.filter { Self.isPlainID($0.phoneNumberID) }
            .sorted { $0.phoneNumberID < $1.phoneNumberID }
            .map { read in
                HealthNote(
                    phoneNumberID: read.phoneNumberID, byHealth: ids.triagedHealth.contains(read.phoneNumberID),
                    checkedAt: read.checkedAt.flatMap { Self.isPlainID($0.replacingOccurrences(of: ":", with: "")) ? $0 : nil })
            }
    }

    /// This header with the reads its `- numbers read:` and `- health read:` lines (`numbers`, `health`) name.
    func withEarlierReads(numbers: String?, health: String?) -> TranscriptHeader {
        var header = self
        if let numbers {
            let ids = numbers.components(separatedBy: ", ").filter(Self.isPlainID)
            header.numbersRead = numbers == "all" ? .all : ids.isEmpty ? nil : .ids(ids)
        }
        header.healthRead = (health?.components(separatedBy: "; ") ?? []).compactMap { item in
            let id = String(item.prefix { $0 != " " })
            guard Self.isPlainID(id) else { return nil }
            let facts = item.dropFirst(id.count).trimmingPrefix(" (").split(separator: ")").first?
                .components(separatedBy: ", ") ?? []
            let checked = facts.first { $0.hasPrefix("checked ") }.map { String($0.dropFirst("checked ".count)) }
            return HealthNote(phoneNumberID: id, byHealth: facts.contains("'health'"), checkedAt: checked)
        }
        return header
    }

    /// One word of letters, digits, `-`, `_` or `.` (a phone-number id, an instant without its colons).
    static func isPlainID(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
