import Foundation
import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester67b Z6: `logs search --output json` shows its default window as the API's now, to the microsecond (`"since"`,
/// `"until"`, in the page and inside `next_cursor`). On a running clock every check failed on those lines alone. They are
/// now read as X5 reads the table's `from … to …`: moved forward by no more than the time since the recording is no
/// change; moved back, or further, is a change.
@Suite struct Z6SearchJSONWindowReplayTests {
    static let recordedAt = SimulatorFixture.deterministicNow + 30 * 86_400

    /// `text` with the window's instants (`"since"`/`"until"` values and the cursor's `s`/`u`) moved by `seconds`.
    static func moved(_ text: String, by seconds: Int64) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            let indent = String(line.prefix(line.count - trimmed.count))
            for key in ["\"since\": \"", "\"until\": \""] where trimmed.hasPrefix(key) {
                let value = trimmed.dropFirst(key.count)
                guard let end = value.firstIndex(of: "Z"), let at = KapsoTime.seconds(iso: String(value[...end])) else { continue }
                let fraction = value[value.index(value.startIndex, offsetBy: 19)..<end]
                let iso = KapsoTime.iso(at + seconds)
                return indent + key + iso.dropLast() + fraction + "Z" + value[value.index(after: end)...]
            }
            if trimmed.hasPrefix("\"next_cursor\": \""), let close = trimmed.dropFirst(16).firstIndex(of: "\"") {
                var base64 = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 16)..<close])
                while base64.count % 4 != 0 { base64 += "=" }
                guard let data = Data(base64Encoded: base64),
                    var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                    let since = (object["s"] as? NSNumber)?.int64Value, let until = (object["u"] as? NSNumber)?.int64Value
                else { return String(line) }
                object["s"] = since + seconds * 1_000_000
                object["u"] = until + seconds * 1_000_000
                let encoded = (try? JSONSerialization.data(withJSONObject: object, options: .sortedKeys))?.base64EncodedString() ?? ""
                return indent + "\"next_cursor\": \"" + encoded + trimmed[close...]
            }
            return String(line)
        }.joined(separator: "\n")
    }

    static func recordThenCheck(movedBy seconds: Int64) async throws -> (transcript: String, outcome: TranscriptChecker.Outcome) {
        try await withSimulator { fixture in
            let shell = try fixture.shell(phoneNumberID: Demo.support).shell
            shell.context.now = { recordedAt }
            let recorder = try TranscriptRecorder(
                header: TranscriptHeader(context: shell.context, keepPII: false), destination: .memory, context: shell.context)
            shell.recorder = recorder
            shell.run(line: "logs search messages --limit 2 --output json")
            let transcript = moved(recorder.text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasPrefix("- recorded: ") ? "- recorded: \(KapsoTime.iso(recordedAt))" : String(line)
            }.joined(separator: "\n"), by: seconds)
            let checking = try fixture.shell(phoneNumberID: Demo.support).shell
            checking.context.now = { recordedAt + 3 * 3_600 }
            return (transcript, try TranscriptChecker(expected: transcript, path: "t.md").replay(on: checking))
        }
    }

    /// Recorded a second before the replay's search ran: its window and cursor a second earlier.
    @Test func windowMovedWithTheClockIsNoChange() async throws {
        let (transcript, outcome) = try await Self.recordThenCheck(movedBy: -1)
        #expect(transcript.contains("\"since\": ") && transcript.contains("\"next_cursor\": \"ey"), "\(transcript)")
        #expect(outcome.diff.isEmpty, "\(outcome.diff.joined(separator: "\n"))")
    }

    @Test(arguments: [3_600, -4 * 3_600] as [Int64])
    func windowMovedBackOrFurtherIsAChange(seconds: Int64) async throws {
        let (_, outcome) = try await Self.recordThenCheck(movedBy: seconds)
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("\"since\"") }, "\(outcome.diff.joined(separator: "\n"))")
        #expect(outcome.diff.contains { $0.hasPrefix("-") && $0.contains("\"next_cursor\"") }, "\(outcome.diff.joined(separator: "\n"))")
    }
}
