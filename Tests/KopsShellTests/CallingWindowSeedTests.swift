import Foundation
import KapsoDiagnostics
import KapsoSimulator
import KopsTestSupport
import Testing

/// probe21 P21-7 over loopback (`Seeds/probe21-calls13.seed.json`: Support Line has `calls_enabled: true`; Contact D
/// 14155550175 last wrote 24 h 01 min ago): the `conversations` list hedges a closed window as `conversation` and
/// `reply` do (`ContactWindow.callCellMark`), reading the number's setting from the numbers already read or with the
/// messages; the same seed with calling off reads as before.
@Suite struct CallingWindowSeedTests {
    static var path: String { TestSeeds.path("probe21-calls13.seed.json") }

    static func rows(_ seed: SimulatorSeed, number: String?) async throws -> (rows: [String], err: String) {
        let ran = try await runDemo(["conversations"], number: number, seed: seed, width: 400)[0]
        #expect(ran.status == 0, "\(ran.err)")
        return (ran.out.split(separator: "\n").map(String.init), ran.err)
    }

    @Test(arguments: [nil, "100200300400501"])
    func aClosedCellOnACallingNumberIsHedged(_ number: String?) async throws {
        let (rows, err) = try await Self.rows(.file(Self.path), number: number)
        let closed = try #require(rows.first { $0.contains("14155550175") }, "\(rows)")
        #expect(closed.contains("closed 1 min ago, unless they called"), "\(closed)")
        let open = try #require(rows.first { $0.contains("14155550172") }, "\(rows)")
        #expect(open.contains("open, ") && !open.contains("unless"), "\(open)")
        #expect(err.contains(ContactWindow.callCellNote), "\(err)")
    }

    @Test func withoutCallingTheCellsReadAsBefore() async throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(text.contains("\"calls_enabled\": true"))
        let off = FileManager.default.temporaryDirectory.appendingPathComponent("calls-off-\(UUID().uuidString).seed.json")
        try text.replacingOccurrences(of: "\"calls_enabled\": true", with: "\"calls_enabled\": false").write(to: off, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: off) }
        let (rows, err) = try await Self.rows(.file(off.path), number: nil)
        let closed = try #require(rows.first { $0.contains("14155550175") }, "\(rows)")
        #expect(closed.contains("closed 1 min ago") && !closed.contains("unless"), "\(closed)")
        #expect(!err.contains("unless they called"), "\(err)")
    }
}
