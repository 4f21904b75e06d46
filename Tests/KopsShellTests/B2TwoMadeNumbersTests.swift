import KopsTestSupport
import Testing

/// tester68b B2, B4 and N3, on seed `y3-national-to` (`NationalTo`): a send written without `+` is read as the contact's
/// only when one number Meta made is their own, known from a message they wrote 1:1; the sending number's calling code
/// may come from its display number.
@Suite struct B2TwoMadeNumbersTests: PrintedLines {
    /// `to: 04155550403`: sent and delivered name 14155550403, the read 104155550403. Two made numbers are two
    /// recipients: main said "read by the contact" of a read by the other.
    @Test func b2StatusesNamingBothMadeNumbersKeepTheHedge() async throws {
        let id = NationalTo.wamid("Z702")
        let runs = try await runDemo(["trace \(id)", "message \(id)"], number: nil, seed: NationalTo.seed, width: 3000)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("whether 04155550403 got it is unknown"), "\(verdict)")
        #expect(!runs[1].out.contains("the contact's own number"), "\(runs[1].out)")
    }
}

/// tester68b B4: a group member's message (`group_id`) is not the contact writing 1:1: its `from` is no evidence of the
/// contact's own number (main: "read by the contact …, the wa_id of a message they wrote").
@Suite struct B4GroupMemberNumberTests: PrintedLines {
    @Test func b4AGroupMembersNumberIsNotTheContacts() async throws {
        let runs = try await runDemo(["trace \(NationalTo.wamid("Z802"))"], number: nil, seed: NationalTo.seed, width: 3000)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(!runs[0].out.contains("the wa_id of a message they wrote"), "\(runs[0].out)")
        #expect(verdict.contains("+14155550406 is what Meta made of 4155550406 from a +1 number"), "\(verdict)")
    }
}

/// tester68b N3: Leeds Line's `display_phone_number_normalized` is empty, its `display_phone_number` "+44 20 7946 0104":
/// the calling code is read from the display number, so `to: 4155550410` read by 444155550410 is said a misdelivery
/// (main: "the statuses may be another recipient's").
@Suite struct N3DisplayNumberSenderTests: PrintedLines {
    @Test func n3TheCallingCodeIsReadFromTheDisplayNumber() async throws {
        let runs = try await runDemo(["trace \(NationalTo.wamid("Z902"))"], number: nil, seed: NationalTo.seed, width: 3000)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("+444155550410 is what Meta made of 4155550410 from a +44 number"), "\(verdict)")
        #expect(verdict.contains("not the contact's own number +14155550410"), "\(verdict)")
        #expect(verdict.contains("possible misdelivery"), "\(verdict)")
    }
}
