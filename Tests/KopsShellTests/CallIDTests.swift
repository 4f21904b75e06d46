import KopsShell
import Testing

/// probe28 P28-11: `whois` and `trace` of a call id (`wacid.…`) said "cannot read … as an id" and "expected a WAMID";
/// both now say it is a WhatsApp call id and what to run.
@Suite struct CallIDTests {
    @Test func whoisAndTraceNameACallID() async throws {
        let id = "wacid.ABGGFjFVU2AfAgo6V-Hc5eCgK5Gh"
        let ran = try await runDemo(["whois \(id)", "trace \(id)"], number: "100200300400501")
        #expect(ran[0].status == 1, "\(ran[0].err)")
        #expect(ran[0].err.contains("\(id) is a WhatsApp call id (wacid, Meta's Calling API"), "\(ran[0].err)")
        #expect(ran[1].status == 1, "\(ran[1].err)")
        #expect(ran[1].err.contains("trace: \(id) is a WhatsApp call id"), "\(ran[1].err)")
        #expect(!ran[1].err.contains("expected a WAMID"), "\(ran[1].err)")
    }
}
