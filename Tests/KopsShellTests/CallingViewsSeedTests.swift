import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe25 P25-16 over loopback, on the tester's calls13 seed (`Seeds/probe21-calls13.seed.json`: Support Line has
/// `calls_enabled: true`; Contact D 14155550175's sends failed with 131047 and 470): `trace`, `errors` and `errors --flat`
/// hedge the template advice as `conversation` does; with calling off they read as before.
@Suite struct CallingViewsSeedTests {
    static let refused = "wamid.HBgLMTQxNTU1NTAxNzIVAgASGBQM13AAAAAAAAAAAAAAAAA="
    static let legacy = "wamid.HBgLMTQxNTU1NTAxNzIVAgASGBQM20AAAAAAAAAAAAAAAAA="
    static let hedge = "send an approved template ('reply --template NAME' in kops) unless the contact called since the send "
        + "(calling is on for this number; kops cannot see calls); free-form works again after the contact replies or calls"

    static func runs(calls: Bool, number: String?) async throws -> [Ran] {
        var path = CallingWindowSeedTests.path
        var off: URL?
        if !calls {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("calls-off-\(UUID().uuidString).seed.json")
            try text.replacingOccurrences(of: "\"calls_enabled\": true", with: "\"calls_enabled\": false").write(to: url, atomically: true, encoding: .utf8)
            (path, off) = (url.path, url)
        }
        defer { off.map { try? FileManager.default.removeItem(at: $0) } }
        return try await runDemo(
            ["trace \(refused)", "trace \(legacy)", "errors", "errors --flat"], number: number, seed: .file(path), width: 2000)
    }

    @Test(arguments: [nil, "100200300400501"])
    func aCallingNumbersTemplateAdviceIsHedged(_ number: String?) async throws {
        let runs = try await Self.runs(calls: true, number: number)
        for ran in runs { #expect(ran.status == 0, "\(ran.err)") }
        for ran in runs[0...1] { #expect(ran.out.contains("  fix:     " + Self.hedge), "\(ran.out)") }
        for ran in runs[2...3] {
            let rows = ran.out.split(separator: "\n").filter { $0.contains("message to 14155550175") }
            #expect(rows.count == 2, "\(ran.out)")
            // Both sends went with minutes of the window left by the contact's messages: `errors` says what `trace`'s
            // verdict says (P32-4), and no hedge is needed (a call opens a window, it does not close one).
            for row in rows { #expect(row.contains("yet the contact's last inbound here was 23 h 5"), "\(row)") }
            for row in rows { #expect(row.contains("a template still goes through"), "\(row)") }
        }
    }

    @Test func withoutCallingTheAdviceReadsAsBefore() async throws {
        let runs = try await Self.runs(calls: false, number: "100200300400501")
        for ran in runs {
            #expect(ran.status == 0, "\(ran.err)")
            #expect(!ran.out.contains("unless the contact called"), "\(ran.out)")
        }
        #expect(runs[0].out.contains("  fix:     send an approved template ('reply --template NAME' in kops); free-form works again after the contact replies"))
    }
}
