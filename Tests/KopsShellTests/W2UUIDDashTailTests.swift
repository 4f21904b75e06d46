import KopsShell
import KopsTestSupport
import Testing

/// tester54b W2: a UUID followed by `-2` or `-` was "one digit too many" (`whois`, `webhooks get`), while `_2`, `%7D` or
/// `.json` after it were named as a stray tail with the id. A `-` after a complete 8-4-4-4-12 starts a sixth group no UUID
/// has: it reads like the other tails now.
@Suite struct W2UUIDDashTailTests {
    static let analytics = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"

    @Test(arguments: ["-2", "-", "-json"])
    func aDashTailIsNamedWithTheID(tail: String) async throws {
        let runs = try await runDemo(["whois \(Self.analytics)\(tail)", "webhooks get \(Self.analytics)\(tail)"])
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].out.hasPrefix("\(Self.analytics) is the active kapso webhook"), "\(runs[0].out)\(runs[0].err)")
        #expect(!(runs[0].out + runs[0].err).contains("digit too many"), "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].err.contains("expected the id alone: this is \(Self.analytics) with '\(tail)' after it (not part of the id)"),
            "\(runs[1].err)")
    }
}
