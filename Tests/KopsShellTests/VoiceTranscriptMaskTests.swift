import KapsoClient
import KopsShell
import Testing

/// A voice note's transcript is what the contact said (kapso-api.md §7.3: `kapso.transcript {text}`, and `content`
/// adds `Transcript: ...`): masked like a text body, in rows and in JSON (probe3 F5).
@Suite struct VoiceTranscriptMaskTests {
    static let message = #"""
        {"data":[{"id":"wamid.X","timestamp":"1795260600","type":"audio","from":"14155550281","audio":{"id":"m1","voice":true},
        "kapso":{"direction":"inbound","phone_number":"14155550281","contact_name":"Maria Gonzalez",
        "content":"Audio message (voice, 12 s)\nTranscript: my address is 742 Evergreen Terrace",
        "transcript":{"text":"my address is 742 Evergreen Terrace"}}}]}
        """#

    @Test func theTranscriptIsABody() throws {
        let masker = PIIMasker()
        let json = try JSONValue.parse(Array(Self.message.utf8))
        masker.learn(from: json)
        let row = "voice note (audio/ogg; codecs=opus), transcript: my address is 742 Evergreen Terrace"
        let masked = masker.mask(row)
        #expect(!masked.contains("Evergreen"), "\(masked)")
        #expect(masked.hasPrefix("voice note (audio/ogg; codecs=opus), transcript: <body "), "\(masked)")
    }
}
