import Testing

/// probe14 P14-11, P14-12: `logs --ids` (what a support bundle hands Kapso) names each call's API log id as such and,
/// from log search, its request id; a 'Marketing preference not found' answer is said to be no failure.
@Suite struct LogsIDsTests {
    @Test func logIDsAndRequestIDsAreTwoColumnsAndNormalAnswersAreNoFailures() async throws {
        let runs = try await runDemo(
            ["reply --to +14155550157 --dry-run hello", "logs --errors --ids --limit 4 --period 7d"], number: "100200300400501",
            width: 400)
        let logs = runs[1]
        #expect(logs.status == 0, "\(logs.err)")
        let header = try #require(logs.out.split(separator: "\n").first)
        #expect(header.hasPrefix("TIME                  LOG ID                                REQUEST ID  "), "\(header)")
        let preference = try #require(logs.out.split(separator: "\n").first { $0.contains("/marketing_preferences/") })
        #expect(preference.contains("req_"), "the request id from log search: \(preference)")
        #expect(preference.contains("not a failure: Kapso's answer when no marketing preference is recorded"), "\(preference)")
        #expect(logs.err.contains("1 of these is Kapso's normal answer, not a failure"), "hints go to standard error: \(logs.err)")
    }

    /// A search for an API log id as a request id finds nothing, and says which id it was.
    @Test func aRequestIDSearchForALogIDSaysWhatTheIDIs() async throws {
        let ran = try await runDemo("logs search --filter request_id=01c034b0-4dcc-4ba6-8ea2-c7551bfd3f6f --period 7d")
        #expect(ran.out.hasPrefix("no events match"), "\(ran.out)")
        #expect(ran.err.contains("01c034b0-4dcc-4ba6-8ea2-c7551bfd3f6f has the shape of an API log id (LOG ID in 'logs --ids'), not of a request id"))
    }
}
