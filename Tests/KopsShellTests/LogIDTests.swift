import KopsShell
import Testing

/// probe44 P44-5: `whois` refused the ids kops itself prints, a REQUEST ID (`req_…`, from `logs --errors --ids`, `trace`,
/// `bundle`) and a log-search EVENT ID (`wwe_…`, from `trace` and `logs search`), as unreadable, cut to 23 characters; it
/// now says what each is and the command that shows it, the id whole; `trace` of one says the same.
@Suite struct LogIDTests {
    static let request = "req_7ed5bbdccce7424783e8af1e02f2d499"

    @Test func whoisAndTraceNameARequestIDAndAnEventID() async throws {
        let uuid = "7ed5bbdc-cce7-4247-83e8-af1e02f2d499"
        let ran = try await runDemo(
            ["whois \(Self.request)", "whois wwe_1_1", "whois api_\(uuid)", "trace \(Self.request)", "message wwe_1_1"],
            number: "100200300400501")
        for run in ran { #expect(run.status == 1, "\(run.err)") }
        #expect(ran[0].err.contains(
            "\(Self.request) is a request id from Kapso's API log (the REQUEST ID of 'trace' and 'logs --errors --ids', what Kapso "
                + "support asks for), not an object kops can look up: 'logs search --around \(Self.request)' shows the call"), "\(ran[0].err)")
        #expect(!ran[0].err.contains("…") && !ran[0].err.contains("cannot read"), "\(ran[0].err)")
        #expect(ran[1].err.contains(
            "wwe_1_1 is a log-search event id (Meta's webhook to Kapso: the EVENT ID of 'trace' and 'logs search'), not an object "
                + "kops can look up: 'logs search --around wwe_1_1' shows the event"), "\(ran[1].err)")
        #expect(ran[2].err.contains("'whois \(uuid)' shows the API log entry"), "\(ran[2].err)")
        #expect(ran[3].err.contains("trace: \(Self.request) is a request id from Kapso's API log"), "\(ran[3].err)")
        #expect(!ran[3].err.contains("expected a WAMID"), "\(ran[3].err)")
        #expect(ran[4].err.contains("message: wwe_1_1 is a log-search event id"), "\(ran[4].err)")
    }

    /// What `whois` suggests works: `logs search --around` a request id finds the call.
    @Test func theSuggestedCommandFindsTheCall() async throws {
        let ids = try await runDemo(["logs --errors --ids --period 30d"], number: "100200300400501")[0].out
        let request = try #require(ids.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("req_") })
        let ran = try await runDemo(["whois \(request)", "logs search --around \(request)"], number: "100200300400501")
        #expect(ran[0].err.contains("'logs search --around \(request)'"), "\(ran[0].err)")
        #expect(ran[1].status == 0, "\(ran[1].err)")
    }
}
