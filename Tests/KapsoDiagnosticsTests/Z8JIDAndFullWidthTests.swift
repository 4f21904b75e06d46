import KapsoDiagnostics
import Testing

/// tester56 Z8 (bullets 1 and 5): a WhatsApp Web JID reads as the number its user part is (a group's as a group, which the
/// Cloud API does not address so); a full-width '＝' ending a WAMID gets the ASCII reading, as a Cyrillic look-alike does.
@Suite struct Z8JIDAndFullWidthTests {
    @Test(arguments: ["14155550142@s.whatsapp.net", "14155550142@c.us", "14155550142:12@s.whatsapp.net"])
    func aContactsJIDIsItsNumber(_ jid: String) throws {
        let input = try IDInput.read(jid).get()
        guard case .number(let number) = input else {
            Issue.record("\(input)")
            return
        }
        #expect(number.digits == "14155550142")
    }

    @Test func aGroupJIDIsSaidAsAGroup() {
        #expect(IDShape.describe("120363012345678901@g.us")?.hasPrefix("120363012345678901@g.us is a WhatsApp group's JID") == true)
    }

    @Test func aFullWidthEqualsGetsTheASCIIReading() {
        let id = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="
        let typed = String(id.dropLast()) + "\u{FF1D}"
        guard case .failure(let problem) = IDInput.read(typed) else {
            Issue.record("read \(typed)")
            return
        }
        #expect(IDInput.Problem.lookAlikeReason(problem)?.contains("typed in ASCII it is \(id): use that") == true,
            "\(problem)")
    }
}
