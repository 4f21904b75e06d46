import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester53b U12 on the simulator: a conversation read that found nothing, then four reads of webhooks no one has; `errors`
/// spent the one budget of "other" ids on the webhook ids and said of the conversation's row "kops looks up only the newest
/// 4 such ids here".
@Suite struct U12WebhookSlotBudgetShellTests {
    static let conversation = "88888888-4f5b-4c6d-8e7f-901234567890"
    static let hooks = (6...9).map { "0000000\($0)-aaaa-4bbb-8ccc-dddddddddddd" }

    @Test func aConversation404IsLookedUpPastFourStaleWebhookIDs() async throws {
                let (status, out) = try await withSimulator { fixture in
            let client = try fixture.client()
            _ = client.sendAll([client.platformRequest("/whatsapp/conversations/\(Self.conversation)")])
            Thread.sleep(forTimeInterval: 1.1)
            _ = client.sendAll(Self.hooks.map { client.platformRequest("/whatsapp/webhooks/\($0)") })
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.terminalWidth = { 2000 }
            return (shell.run(line: "errors --source api --flat --period 24h"), output.out)
        }
        #expect(status.rawValue <= 1)
        let row = try #require(out.split(separator: "\n").first { $0.contains("/conversations/\(Self.conversation)") }, "\(out)")
        #expect(!row.contains("kops looks up only the newest"), "\(row)")
        #expect(!row.contains("not checked"), "\(row)")
    }
}
