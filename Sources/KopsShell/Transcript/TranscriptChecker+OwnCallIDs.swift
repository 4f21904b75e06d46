internal import KapsoDiagnostics

// MARK: - The ids of kops's own calls, new with every run (tester64b U2)

/// A row of kops's own call (`(kops)`, `api (kops)`) in `logs --ids` or `logs search` shows the API log id and request id
/// Kapso gave that call, and every such row the instant it was made: a replay makes the call anew, so its row has the replay's ids, never the recording's, and a
/// transcript with `logs --errors --flat --ids` after a look-up failed every check (the row of the look-up read
/// `…-000000000060`, `req_…060` instead of `…-000000000002`). A hunk whose recorded and replayed lines pair up, each pair
/// rows of kops's own calls alike but for such ids, says the same thing: no change. Any other difference, or a row of
/// another client's call whose ids changed, is a change as before.
extension TranscriptChecker {
    /// `diff` without the hunks whose lines differ only in the ids of kops's own calls; `hunks` are their `@@` lines.
    static func withoutOwnCallIDs(_ diff: [String]) -> (diff: [String], hunks: [String]) {
        setAside(diff) { removed, added in
            removed.count == added.count
                && zip(removed, added).allSatisfy { recorded, replayed in
                    recorded != replayed && isOwnCall(recorded) && isOwnCall(replayed)
                        && withoutCallIDs(recorded) == withoutCallIDs(replayed)
                }
        }
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
