import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// probe46 P46-9 over loopback (`Seeds/probe46-health9.seed.json`: Support Line is `healthy` by Kapso's summary with every
/// `passed: true`, but its WABA is BLOCKED with 141006): `health --output json` carries kops's reading, and an `assert` on
/// Kapso's `healthy` fails instead of printing `ok`.
@Suite struct HealthReadingShellTests {
    static let seed = TestSeeds.file("probe46-health9.seed.json")

    static func script(_ source: String) async throws -> (outcome: ScriptOutcome, err: String) {
        try await withSimulator(seed: seed) { fixture in
            let (shell, output) = try fixture.shell()
            let outcome = ScriptRunner(path: "t.kops", source: source).run(on: shell)
            return (outcome, output.err)
        }
    }

    @Test(arguments: [".status == healthy", ".checks.messaging_health.passed == true"])
    func anAssertOnAValueKopsContradictsFails(_ assertion: String) async throws {
        let (outcome, err) = try await Self.script("set on_error continue\nuse 100200300400501\nhealth\nassert \(assertion)\n")
        #expect(outcome.failedLines.contains(4), "\(err)")
        #expect(err.contains("t.kops:4: error: assert \(assertion) held on the value, but failed:"), "\(err)")
        #expect(err.contains("kops reads messaging_health as failing"), "\(err)")
        #expect(!err.contains("ok: \(assertion)"), "\(err)")
    }

    @Test func kopssReadingIsInTheResultScriptsRead() async throws {
        let (outcome, err) = try await Self.script(
            "set on_error continue\nuse 100200300400501\nhealth\nassert .kops.status == unhealthy\nassert .kops.blocking == messaging_health\n")
        #expect(outcome.failedLines == [3], "\(err)")
        #expect(err.contains("ok: .kops.status == unhealthy") && err.contains("ok: .kops.blocking == messaging_health"), "\(err)")
    }

    @Test func theJSONCarriesKapsosSummaryAndKopssReading() async throws {
        let ran = try await runDemo(["health --output json"], number: "100200300400501", seed: Self.seed)[0]
        let json = try JSONValue.parse(Array(ran.out.utf8))
        #expect(json["status"]?.string == "healthy")
        #expect(json["kops"]?["status"]?.string == "unhealthy", "\(ran.out)")
        #expect(json["kops"]?["contradicts"]?.array?.compactMap(\.string).contains(".status") == true, "\(ran.out)")
        #expect(ran.status == 1)
    }
}
