import KopsShell
import KopsTestSupport
import Testing

/// tester53b U18: T11's id check (`deliveries [stats] --webhook ID` with an id that is no webhook of the project) gave up
/// without a word when one of its look-ups failed (503): the wrong id was again "no deliveries in the last 24h", status 0.
/// With the webhook list read, the id is named as none of the project's webhooks; without it, the line says the id could
/// not be checked and why. Either way status 1, never the empty list as an answer.
@Suite struct U18WebhookIDCheckFailureTests {
    static let wrong = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b93"

    /// Each line run in a demo shell with `faults` set first: status, stdout, stderr.
    static func run(_ lines: [String], faults: String) async throws -> [(status: Int32, out: String, err: String)] {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults(faults)
            return lines.map { line in
                let (out, err) = (output.out.count, output.err.count)
                let status = shell.run(line: line)
                return (status.rawValue, String(output.out.dropFirst(out)), String(output.err.dropFirst(err)))
            }
        }
    }

    static let commands = ["deliveries stats --webhook \(wrong) --period 24h", "deliveries --webhook \(wrong)"]

    @Test(arguments: ["503:path=/api_logs", "503:path=/whatsapp/conversations", "503:path=/whatsapp/phone_numbers"])
    func theWebhookListReadSaysTheIDIsNoneOfTheProjectsWebhooks(_ faults: String) async throws {
        for ran in try await Self.run(Self.commands, faults: faults) {
            #expect(ran.status == 1, "\(ran.out)\(ran.err)")
            #expect(!ran.out.contains("no deliveries"), "\(ran.out)")
            #expect(ran.err.contains("--webhook: \(Self.wrong) is not a webhook of this project (its webhook list was read)"), "\(ran.err)")
            #expect(ran.err.contains("could not be checked: ") && ran.err.contains("(503)"), "\(ran.err)")
        }
    }

    @Test func aFailedWebhookListSaysTheIDCouldNotBeChecked() async throws {
        for ran in try await Self.run(Self.commands, faults: "503:path=/whatsapp/webhooks") {
            #expect(ran.status == 1, "\(ran.out)\(ran.err)")
            #expect(!ran.out.contains("no deliveries"), "\(ran.out)")
            #expect(ran.err.contains("--webhook: could not check whether \(Self.wrong) is a webhook of this project: could not check webhooks"), "\(ran.err)")
            #expect(ran.err.contains("no deliveries match it in the last 24h"), "\(ran.err)")
        }
    }
}
