import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester58b AE4: a delivery failed with 204 beside a 202 counted delivered. `webhooks check` said "the status is likely
/// not the cause" while `errors`, reading the failed deliveries alone, still said Kapso "counted this answer as failed;
/// answer 200"; and `webhooks check` itself blamed the 204 again when the 202 was another webhook's of the project
/// (whether Kapso accepts a 2xx is its rule for the project, not one webhook's). Both commands now read one
/// `AcceptedAnswer`. Seeds: the 204 of webhook …f1 at 11:00, a 202 delivered at 11:05 by …f1 (`own`) or by …f2 (`other`).
@Suite struct AE4AcceptedStatusAgreeTests {
    /// The 204's reading in `command`'s output, from "answered 204" to the end of its line.
    static func reading(_ command: String, seed: String) async throws -> String {
        try await withSimulator(seed: .file(TestSeeds.path(seed))) { fixture in
            let (shell, output) = try fixture.shell()
            _ = ScriptRunner(path: "t.kops", source: "use 100200300400501\n\(command)\n").run(on: shell)
            let line = output.out.split(separator: "\n").first { $0.contains("answered 204") } ?? ""
            return line.firstRange(of: "answered 204").map { String(line[$0.lowerBound...]) } ?? output.out
        }
    }

    /// Each seed with the evidence its 202 is: the failing webhook's own, or another webhook's of the project.
    static let seeds = [
        ("ae4-own-202.seed.json", "yet this webhook's 202 was counted delivered"),
        ("ae4-other-202.seed.json", "yet a 202 of another webhook of the project (webhook 11111111-0000-4000-8000-0000000000f2, "
                + "delivery 22222222-0000-4000-8000-000000000002, to other.example.com/hook) was counted delivered"),
    ]

    @Test(arguments: ["errors", "webhooks check"], seeds)
    func anAccepted202RulesTheStatusOut(command: String, seed: (file: String, evidence: String)) async throws {
        let reading = try await Self.reading(command, seed: seed.file)
        #expect(reading.contains(seed.evidence), "\(reading)")
        #expect(reading.contains("the status is likely not the cause"), "\(reading)")
        #expect(!reading.contains("counted this answer as failed"), "\(reading)")
    }
}
