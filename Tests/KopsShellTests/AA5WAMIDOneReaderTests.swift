import KapsoSimulator
import KopsTestSupport
import Testing

/// tester56b AA5: one reading of a WAMID wherever one is taken. `logs search --around` called an id cut short "shortened
/// by kops's table" and a wrapped one "not base64"; `--filter whatsapp_message_id=` took a damaged id silently ("no events
/// match"); a field name in front of a cut or wrapped id fell back to older wordings; `trace` found no message for the
/// start of a BSUID contact's id, which `whois` found; `whois` picked one of several candidates without saying so.
@Suite struct AA5WAMIDOneReaderTests {
    /// The demo's inbound message from +14155550142.
    static let message = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    static let start = String(message.prefix(50))
    static let wrap = "it holds a space inside it (a line wrapped where the id was shown, copied back): without it, it reads as a "
        + "WAMID: \(message)"

    private func text(_ line: String, seed: SimulatorSeed = .demo, number: String = "100200300400501") async throws -> (Int32, String) {
        let run = try await runDemo([line], number: number, seed: seed)[0]
        return (run.status, run.out + run.err)
    }

    @Test func aroundReadsACutIDAsTraceDoes() async throws {
        let (status, text) = try await text("logs search --around '\(Self.start)\u{2026}'")
        #expect(status != 0)
        #expect(text.contains("it is cut short: the message \(Self.message) with the contact starts with it"), "\(text)")
        #expect(!text.contains("shortened by kops's table"), "\(text)")
    }

    @Test func aroundReadsAWrappedIDAsTraceDoes() async throws {
        let wrapped = String(Self.message.prefix(30)) + " " + String(Self.message.dropFirst(30))
        let (status, text) = try await text("logs search --around '\(wrapped)'")
        #expect(status != 0)
        #expect(text.contains(Self.wrap), "\(text)")
        #expect(!text.contains("not base64"), "\(text)")
    }

    @Test func aFilterByACutIDIsRefusedWithItsReading() async throws {
        let (status, text) = try await text("logs search --filter 'whatsapp_message_id=\(Self.start)\u{2026}'")
        #expect(status != 0)
        #expect(text.contains("where it was cut short"), "\(text)")
        #expect(!text.contains("no events match"), "\(text)")
    }

    @Test func aFieldNameAndACutOrAWrapAreReadTogether() async throws {
        let (_, cut) = try await text("trace 'id: \(Self.start)\u{2026}'")
        #expect(cut.contains("'id:' in front is a field name copied with the id; without it, it looks damaged: it ends with '…', where "
            + "it was cut short"), "\(cut)")
        let wrapped = String(Self.message.prefix(30)) + "\n" + String(Self.message.dropFirst(30))
        let (_, wrap) = try await text("trace '\"id\": \"\(wrapped)\"'")
        #expect(wrap.contains("'\"id\":' in front is a field name copied with the id; without it, it looks damaged: it holds a line "
            + "break inside it"), "\(wrap)")
        #expect(!cut.contains("shortened by kops's table") && !wrap.contains("expected a WAMID starting with 'wamid.'"), "\(cut)\n\(wrap)")
    }

    /// The zoo's Sales Line contact known only by a BSUID: its WAMIDs carry `US.48210937561029384756`, no number.
    @Test func traceFindsTheMessagesOfAContactKnownByABSUID() async throws {
        let (status, text) = try await text(
            "trace 'wamid.HBgXVVMuNDgyMTA5Mzc1NjEwMjkzODQ3NTYVAgASGB'", seed: .zoo, number: "100200300400502")
        #expect(status != 0)
        #expect(text.contains("it is cut short: 3 of the messages with the contact start with it"), "\(text)")
        #expect(!text.contains("copy it again"), "\(text)")
    }

    @Test func whoisSaysWhichOfSeveralItNames() async throws {
        let (_, text) = try await text("whois 'wamid.HBgLMTQxNTU1NTAxNDIVAgAS...'")
        #expect(text.contains("of the messages with the contact start with it"), "\(text)")
        #expect(text.contains("use the whole id, as 'messages --phone-number 14155550142' lists it (the newest of the "), "\(text)")
    }
}
