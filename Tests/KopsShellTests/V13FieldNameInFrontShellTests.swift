import KopsShell
import KopsTestSupport
import Testing

/// tester54 V13 in the commands: `message`, `trace`, `whois`, `use` and `webhooks get` name a key copied in front of an id
/// and give the id, where they said "expected a WAMID starting with 'wamid.'", "cannot read … as an id", "no phone number
/// … matches …; it is no id" or "character 1 is 'i', not a hex digit".
@Suite struct V13FieldNameInFrontShellTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    static let webhook = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    @Test func eachCommandNamesTheKeyAndTheID() async throws {
        // Each offers the id as the command takes it (tester56b V13: 'use ID' for any id).
        let lines: [(String, String, String)] = [
            ("message id:\(Self.wamid)", "'id:'", "; message \(Self.wamid)"),
            ("trace 'message_id=\(Self.wamid)'", "'message_id='", "; trace \(Self.wamid)"),
            ("whois '\"id\": \"\(Self.wamid)\"'", "'\"id\":'", "; whois \(Self.wamid)"),
            ("use phone_number_id=100200300400501", "'phone_number_id='", "; use 100200300400501"),
            ("webhooks get 'id: \(Self.webhook)'", "'id:'", ": \(Self.webhook)"),
        ]
        let runs = try await runDemo(lines.map(\.0), number: "100200300400501", width: 1000)
        for (run, (line, field, offer)) in zip(runs, lines) {
            #expect(run.status != 0, "\(line): \(run.out)")
            #expect(run.err.contains("\(field) in front is a field name copied with the id: without it, it reads as "), "\(line): \(run.err)")
            #expect(run.err.contains(offer), "\(line): \(run.err)")
        }
    }
}
