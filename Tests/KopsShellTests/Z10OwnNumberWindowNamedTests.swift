import KopsShell
import Testing

/// tester56b, Z10 residual: `reply --to +14155550101 hi` from Support Line was refused by the 24-hour window check as
/// "no inbound message from 14155550101 to this number was found", without saying the recipient is the project's own
/// Sales Line, which has never written to Support Line.
@Suite struct Z10OwnNumberWindowNamedTests {
    @Test func theRefusalNamesTheProjectsOwnNumber() async throws {
        let run = try await runShell(["reply --to +14155550101 hi"])
        #expect(run.statuses.first == .failure, "\(run.err)")
        let line = run.err.split(separator: "\n").first { $0.contains("24-hour window") }.map(String.init) ?? ""
        #expect(line.contains("+14155550101 is this project's Sales Line; it has sent Support Line no message"), "\(run.err)")
        #expect(line.contains("so no 24-hour window is open") && line.contains("reply --template NAME"), "\(line)")
    }
}
