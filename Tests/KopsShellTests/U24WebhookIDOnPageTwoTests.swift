import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U24 over loopback (demo simulator with 101 more webhooks): an id on the second page (the oldest ones) of the project's
/// webhook list is a webhook of this project for `whois` and `deliveries stats --webhook`, never "not … of this
/// project … wrong project or key?".
@Suite struct U24WebhookIDOnPageTwoTests {
    @Test func anIDOnPageTwoIsFound() async throws {
        let number = "100200300400501"
        let (last, runs) = try await withSimulator { fixture in
            let client = try fixture.client()
            try createManyWebhooks(on: number, with: client)
            let last = try #require(try client.webhooks(.project, page: 2, perPage: 100).items.first).id
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            var runs: [(Int32, String)] = []
            for line in ["whois \(last)", "deliveries stats --webhook \(last) --period 24h"] {
                let (out, err) = (output.out.count, output.err.count)
                let status = shell.run(line: line)
                runs.append((status.rawValue, String(output.out.dropFirst(out)) + String(output.err.dropFirst(err))))
            }
            return (last, runs)
        }
        for (status, text) in runs {
            #expect(!text.contains("of this project (searched") && !text.contains("wrong project or key"), "\(last): \(text)")
            #expect(status == 0, "\(text)")
        }
        #expect(runs[0].1.contains("webhook"), "\(runs[0].1)")
    }
}
