import Testing

@testable import KopsShell

/// probe22 P22-7: ordinary lines that hold an id Kapso prints in clear or words and numbers joined were kept out of
/// the history file, without a word. Lines that hold a secret still are, and the first one a session says so once.
@Suite struct HistoryKeptLinesTests {
    @Test(arguments: [
        // Kept: ids kops prints in clear, tags and search words.
        ("logs search --filter request_id=req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02 --period 7d", true),
        ("whois req_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02", true),
        ("logs search --around wwe_0a1b2c3d4e5f60718293a4b5c6d7e8f9", true),
        ("set tag release2026candidate", true),
        ("record /tmp/kops-canary-C1F074A6-49A2-4029-8334-5BCDDB071479/t.md", true),
        ("set tag ReleaseCandidate2026Final", true),
        ("set tag build-2026-12-02-rc1-hotfix", true),
        ("messages --search order4711shipped2026", true),
        ("messages --search order4711shipped", true),
        ("webhooks get 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", true),
        ("trace wamid.HBgLMTQxNTU1NTAxNDIVAgARGBI5QjhGMEE1", true),
        // Dropped: secrets by name, flag, prefix or shape.
        ("set pw hunter2hunter2", false),
        ("set tag Kx9fQ2mZp7LwR4tV8yB3nC6", false),
        ("whois sk_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02", false),
        ("whois whsec_8b9c0d1e2f3a4b4c9d5e6f7a8b9c0d02", false),
        ("set x a1b2c3d4e5f6g7h8i9j0k", false),
        ("set x 9fk2m4q8z1x7c3v6b5n0w2e", false),
        ("verify --secret abc --body x", false),
        ("set note https://user:pass@hooks.acme.test/x", false),
        // tester46 L6: a --headers value that holds no value (`{}` removes every custom header) is no secret; any value,
        // however plain, or a value kops cannot read keeps the line out.
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --events whatsapp.message.received --headers {}", true),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers='{}' --yes", true),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers '{\"X-Env\": \"\"}'", true),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers '{\"X-Env\": \"prod\"}'", false),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers {\"Cookie\": \"s=1\"}", false),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers not-json", false),
        ("webhooks update 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --headers '{\"X-A\": 1}'", false),
    ])
    func aLineIsKeptUnlessItHoldsASecret(_ line: String, _ kept: Bool) {
        #expect(HistoryPolicy.allows(line) == kept, "\(line)")
    }

    @Test func theFirstLineKeptOutIsNamedOnceAndASpaceLineNever() {
        var gate = HistoryGate()
        #expect(gate.admit("numbers") == (true, nil))
        #expect(gate.admit(" numbers") == (false, nil), "a leading space leaves a line out as asked, without a word")
        #expect(gate.admit("set pw hunter2hunter2") == (false, HistoryPolicy.keptOutNotice))
        #expect(gate.admit("set api_key abc") == (false, nil), "said once")
        #expect(gate.admit("set tag release2026candidate") == (true, nil))
        #expect(!HistoryPolicy.keptOutNotice.contains("\n"))
    }
}
