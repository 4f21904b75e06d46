import KapsoClient
import KapsoDiagnostics
import Testing

/// tester52 H5: a WAMID percent-encoded twice in a logged path (`%253D`, `%252F`) was "the id lost its '=' padding" or
/// "it may have been cut short" in `errors` and `logs --errors`, where `whois` and `message` say "URL-encoded twice".
@Suite struct DoubleEncodedWAMIDTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
    static let twice = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA%253D"

    private func entry(_ segment: String) -> ErrorTriage {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", "/platform/v1/whatsapp/messages/\(segment)", 404, key: "svc", at: "2026-11-21T11:00:00Z",
                error: "WhatsApp message not found")
        ])
        return triage
    }

    @Test func theTriageNamesTheDoubleEncodingAndHandsWhoisTheDecodedID() throws {
        let line = try #require(entry(Self.twice).entries.first?.meaning)
        #expect(line.contains("it is URL-encoded twice"), "\(line)")
        #expect(line.contains("'whois \(Self.wamid)'"), "\(line)")
        for wrong in ["padding", "cut short"] { #expect(!line.contains(wrong), "\(line)") }
    }

    @Test func theGroupsSayTheSameWhenWhoisFoundTheMessage() throws {
        var found = Identity(input: Self.wamid, kind: .wamid, statement: "\(Self.wamid) is an outbound text message of Support Line")
        found.moment = KapsoTime.seconds(iso: "2026-11-20T14:32:10Z")
        let identities = [Self.wamid: found, Self.twice: found]
        let groups = FailureGroups(entry(Self.twice).entries, numbers: IDResolverTests.numbers, webhooks: [], identities: identities)
        let line = try #require(groups.groups.first?.meaning)
        #expect(line.contains("it is URL-encoded twice"), "\(line)")
        for wrong in ["padding", "neither is the mistake"] { #expect(!line.contains(wrong), "\(line)") }
        #expect(ErrorTriage.isDoubleEncoded(Self.twice))
        #expect(!ErrorTriage.isDoubleEncoded("wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA%3D"))
    }
}
