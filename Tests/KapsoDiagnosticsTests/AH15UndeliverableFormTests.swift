import KapsoClient
import KapsoDiagnostics
import Testing

/// tester60 AH15: the form of a Brazilian, Mexican or Argentine number the contact wrote from is the one to send to, and
/// a 131026 to a number with another form names it (`ContactNumber.WrittenForm`, `undeliverableForm`).
@Suite struct AH15UndeliverableFormTests {
    static let now: Int64 = 1_795_262_400

    static func inbound(from contact: String, at time: Int64) throws -> Message {
        try Message(json: [
            "id": "wamid.A", "timestamp": .string(String(time)), "type": "text", "from": .string(contact),
            "kapso": ["direction": "inbound", "phone_number": .string(contact), "phone_number_id": "100200300400501"],
        ])
    }

    @Test func theNewestWrittenFormWins() throws {
        let older = try Self.inbound(from: "5511987654321", at: Self.now - 7200)
        let newer = try Self.inbound(from: "551187654321", at: Self.now - 3600)
        let written = ContactNumber.WrittenForm.newest(of: "5511987654321", among: [older, newer], now: Self.now)
        #expect(written?.digits == "551187654321")
        #expect(written?.match == .brazilNinthDigit)
        // Written last from the form given: nothing to change.
        #expect(ContactNumber.WrittenForm.newest(of: "551187654321", among: [older, newer], now: Self.now) == nil)
        // Another contact that the partial search found is no form of this one.
        #expect(ContactNumber.WrittenForm.newest(of: "525512345678", among: [try Self.inbound(from: "5491123456789", at: Self.now)], now: Self.now) == nil)
    }

    @Test func undeliverableSaysWhatWasRead() throws {
        let other = try Self.inbound(from: "5215512345678", at: Self.now - 3600)
        #expect(ContactNumber.undeliverableForm(sentTo: "525512345678", among: [other], now: Self.now)?
            .hasPrefix("the contact wrote at 2026-11-21T11:00:00Z from +5215512345678, another form of +525512345678") == true)
        let none = ContactNumber.undeliverableForm(sentTo: "525512345678", among: [], now: Self.now)
        #expect(none?.hasPrefix("+525512345678 has another form, +5215512345678 (Mexico's mobile 1 after the country code)") == true)
        // They wrote from the number sent to: the 131026 is something else.
        #expect(ContactNumber.undeliverableForm(sentTo: "5215512345678", among: [other], now: Self.now) == nil)
        // A number with one form.
        #expect(ContactNumber.undeliverableForm(sentTo: "447700900002", among: nil, now: Self.now) == nil)
    }
}
