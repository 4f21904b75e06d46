import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester52b K1, K18 on the simulator: five failed webhook routes and one failed message read; `errors` looked up the
/// webhook ids and left the WAMID "not checked" (one budget of 4 for every form).
@Suite struct K1LookUpBudgetShellTests {
    @Test func aWAMIDIsLookedUpPastFailedWebhookRoutes() async throws {
        let wamid = K1LookUpBudgetShellTests.wamid
        let (status, out) = try await withSimulator { fixture in
            let client = try fixture.client()
            let paths = (1...5).map { "/whatsapp/webhooks/0000000\($0)-1111-4222-8333-444455556666" } + ["/whatsapp/messages/\(wamid)"]
            _ = client.sendAll(paths.map { client.platformRequest($0) })
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.terminalWidth = { 2000 }
            return (shell.run(line: "errors --source api --flat"), output.out)
        }
        #expect(status.rawValue <= 1)
        let row = try #require(out.split(separator: "\n").first { $0.contains("/messages/\(wamid)") }, "\(out)")
        #expect(!row.contains("kops looks up only the newest"), "\(row)")
        #expect(!row.contains("not checked"), "\(row)")
    }

    static let wamid = "wamid.HBgLMTQxNTU1NTAxMDAVAgASGBQzRUIwQUFBQUFBQUFBQUFBQUFBQQA="
}
