import KopsShell
import KopsTestSupport
import Testing

/// tester56b V13/Z9 residuals: `trace` of a WAMID inside a JSON object, an XML element, after `wamid=` or in a URL query
/// said "expected a WAMID starting with 'wamid.'"; `messages --phone-number 'phone_number: …'` and `reply --to` with
/// `"to": …`, `to=`, `wa_id: `, `"recipient_id":` said "expected a phone number", while `whois` named the field; and
/// `whois 'wa_id: 14155550142'` offered `use 14155550142` for a contact's number, which `use` refuses.
@Suite struct V13FieldNameResidualShellTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    static let field = "in front is a field name copied with the id: without it, it reads as "

    @Test func traceNamesTheFieldAroundAWAMID() async throws {
        let texts = ["{\"id\":\"\(Self.wamid)\"}", "<message_id>\(Self.wamid)</message_id>", "wamid=\(Self.wamid)", "msg_id=\(Self.wamid)&x=1"]
        let runs = try await runDemo(texts.map { "trace '\($0)'" }, number: "100200300400501", width: 1000)
        for (run, text) in zip(runs, texts) {
            #expect(run.status != 0 && run.err.contains(Self.field) && run.err.contains("; trace \(Self.wamid)"), "\(text): \(run.err)")
        }
    }

    @Test func contactNumberFlagsNameTheField() async throws {
        let lines = [
            ("messages --phone-number 'phone_number: 14155550142'", "'phone_number:'", "; --phone-number 14155550142"),
            ("reply --dry-run --to '\"to\": \"14155550142\"' hi", "'\"to\":'", "; --to 14155550142"),
            ("reply --dry-run --to to=14155550142 hi", "'to='", "; --to 14155550142"),
            ("reply --dry-run --to 'wa_id: 14155550142' hi", "'wa_id:'", "; --to 14155550142"),
            ("reply --dry-run --to '\"recipient_id\":\"14155550142\"' hi", "'\"recipient_id\":'", "; --to 14155550142"),
            ("whois 'wa_id: 14155550142'", "'wa_id:'", "; whois 14155550142"),
        ]
        let runs = try await runDemo(lines.map(\.0), number: "100200300400501", width: 1000)
        for (run, (line, field, offer)) in zip(runs, lines) {
            #expect(run.status != 0, "\(line): \(run.out)")
            #expect(run.err.contains("\(field) \(Self.field)") && run.err.contains(offer), "\(line): \(run.err)")
            #expect(!run.err.contains("use 14155550142") && !run.err.contains("E.164 form"), "\(line): \(run.err)")
        }
    }
}
