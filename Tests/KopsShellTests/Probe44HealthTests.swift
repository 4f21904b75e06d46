import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Probe44 P44-1: a failed check under a `healthy` summary, on a seed built from the real-world cases'
/// `message-shapes.seed.json` as the tester built it (`seed(_:)` and `run` serve `Probe44NumbersTests` too).
@Suite struct Probe44HealthTests {
    /// The real-world cases' `message-shapes.seed.json`, changed by `change`, written to a new folder; the seed file's path.
    static func seed(_ change: (inout [String: Any]) -> Void) throws -> String {
        let base = Fixtures.realWorldCases.appendingPathComponent("message-shapes.seed.json")
        var seed = try JSONSerialization.jsonObject(with: Data(contentsOf: base)) as! [String: Any]
        change(&seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p44-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("seed.json")
        try JSONSerialization.data(withJSONObject: seed).write(to: path)
        return path.path
    }

    static func run(_ seed: String, _ lines: [String], number: String? = nil) async throws -> (out: String, err: String, statuses: [KopsShell.ExitStatus]) {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(seed))
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            let statuses = lines.map { shell.run(line: $0) }
            return (output.out, output.err, statuses)
        }
    }

    // MARK: - P44-1

    /// Two numbers Kapso calls `healthy`: one whose connection check failed (DISCONNECTED), one whose coexistence token
    /// check failed (expired session), as repro1 seeds them.
    static func failedCheckSeed() throws -> String {
        try seed { seed in
            let template = (seed["phone_numbers"] as! [[String: Any]])[1]
            let baseHealth = (seed["health"] as! [String: Any])["100200300400501"] as! [String: Any]
            var numbers: [[String: Any]] = []
            var health: [String: Any] = [:]
            for (index, (id, name)) in [("100200300400601", "A-disc"), ("100200300400610", "M-token")].enumerated() {
                var number = template
                number["id"] = id
                number["phone_number_id"] = id
                number["name"] = name
                number["internal_id"] = "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f90\(index + 10)"
                number["display_phone_number"] = "+1 415-555-06\(index + 10)"
                number["display_phone_number_normalized"] = "141555506\(index + 10)"
                var report = baseHealth
                var checks = report["checks"] as! [String: Any]
                var access = checks["phone_number_access"] as! [String: Any]
                var details = access["details"] as! [String: Any]
                details["id"] = id
                access["details"] = details
                checks["phone_number_access"] = access
                if index == 0 {
                    checks["phone_number_connection"] = ["passed": false, "details": ["status": "DISCONNECTED"]]
                } else {
                    checks["token_validity"] = [
                        "passed": false, "error": "Error validating access token: Session has expired on Friday, 20-Nov-26",
                    ]
                }
                report["checks"] = checks
                report["status"] = "healthy"
                numbers.append(number)
                health[id] = report
            }
            seed["phone_numbers"] = numbers
            seed["health"] = health
            seed["conversations"] = [[String: Any]]()
            seed["messages"] = [[String: Any]]()
        }
    }

    /// `overview` gives each a `next:` line and never says "nothing to fix"; its HEALTH column and JSON `status` do not
    /// say a bare `healthy`; `health`'s headline names the failed check; `numbers` after `health` says it too.
    @Test func aFailedCheckUnderAHealthySummaryIsNeverNothingToFix() async throws {
        let seed = try Self.failedCheckSeed()
        let ran = try await Self.run(seed, [
            "overview", "output json", "overview", "output table", "health 100200300400601", "health 100200300400610", "numbers",
        ])
        #expect(!ran.out.contains("nothing to fix"), "\(ran.out)")
        for id in ["100200300400601", "100200300400610"] {
            #expect(ran.out.contains("use \(id); health"), "no next line for \(id): \(ran.out)")
        }
        #expect(ran.out.contains("healthy by Kapso's summary, but phone_number_connection failed"), "\(ran.out)")
        #expect(ran.out.contains("healthy by Kapso's summary, but token_validity failed"), "\(ran.out)")
        // JSON: `status` is not the bare word, `kapso_status` keeps Kapso's; `next` is not empty.
        #expect(!ran.out.contains("\"status\" : \"healthy\"") && !ran.out.contains("\"status\": \"healthy\""), "\(ran.out)")
        #expect(ran.out.contains("\"kapso_status\": \"healthy\"") || ran.out.contains("\"kapso_status\" : \"healthy\""), "\(ran.out)")
        #expect(!ran.out.contains("\"next\": []"), "\(ran.out)")
        // `health`'s first line for each.
        let lines = ran.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("100200300400601: healthy by Kapso's summary") && $0.contains("phone_number_connection failed") },
                "\(ran.out)")
        #expect(lines.contains { $0.hasPrefix("100200300400610: healthy by Kapso's summary") && $0.contains("token_validity failed") },
                "\(ran.out)")
        #expect(!lines.contains { $0.hasPrefix("100200300400601: healthy (") || $0 == "100200300400601: healthy" }, "\(ran.out)")
        // `numbers`, after the reads: the token check is said beside Kapso's record.
        #expect((ran.out + ran.err).contains("token_validity failed"), "\(ran.err)")
        #expect(ran.statuses[0] == .failure)
    }
}
