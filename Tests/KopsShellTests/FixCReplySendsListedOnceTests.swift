import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// fixC's leftover (session 61, item 5): `reply` to a contact who changed their number listed the contact's outbound
/// sends twice, the same request (`direction=outbound`, the contact's number) sent by `ContactWindowLookup.load` for the
/// window and again by `follow` for the move. The listing read for the window now serves the move too (real-world seed,
/// H22: a read send to Contact A, whose notice moves them to 14155550173).
@Suite struct FixCReplySendsListedOnceTests {
    final class Paths: @unchecked Sendable { var paths: [String] = [] }

    @Test func theContactsSendsAreListedOnce() async throws {
        let seed = SimulatorSeed.file(Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json").path)
        let (paths, printed) = try await withSimulator(seed: seed) { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.context.now = { 1_795_262_400 }
            let seen = Paths()
            let previous = shell.context.client.responded
            shell.context.client.responded = { method, status, path, time in
                previous?(method, status, path, time)
                seen.paths.append(path)
            }
            shell.run(line: "reply --dry-run --message \(caseID("H22")) hi")
            return (seen.paths, output.out + output.err)
        }
        // By the contact's number, or its national digits (`PrependedRecipient.sendsKey`, tester68b B9).
        let outbound = paths.filter {
            ($0.contains("phone_number=14155550171") || $0.contains("phone_number=4155550171")) && $0.contains("direction=outbound")
        }
        #expect(outbound.count == 1, "\(paths.joined(separator: "\n"))")
        // The move is still read with those sends (MovedNumberAgreementTests holds the words).
        #expect(printed.contains("+14155550173"), "\(printed)")
    }
}
