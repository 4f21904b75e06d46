import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53 T16: `webhooks check` read the first page of 100 webhooks and took it for the whole list.
@Suite struct T16WebhooksAllPagesTests {
    @Test func webhooksCheckReadsEveryPage() async throws {
        let number = "100200300400501"
        let (pages, out, err) = try await withSimulator { fixture in
            let client = try fixture.client()
            try createManyWebhooks(on: number, with: client)
            let pages = try [1, 2].map { try client.webhooks(.phoneNumber(number), page: $0, perPage: 100).items.count }
            let (shell, output) = try fixture.shell(phoneNumberID: number)
            _ = shell.run(line: "webhooks check")
            return (pages, output.out, output.err)
        }
        #expect(pages[0] == 100 && pages[1] > 0, "\(pages)")
        let summary = (out + err).split(separator: "\n").first { $0.hasPrefix("checked ") }.map(String.init) ?? ""
        let checked = Int(summary.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(checked >= pages[0] + pages[1], "\(summary)")
    }
}
