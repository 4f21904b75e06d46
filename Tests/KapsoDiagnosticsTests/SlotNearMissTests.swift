import KapsoClient
import KapsoDiagnostics
import Testing

/// probe21 P21-9: an id one copying mistake from the project's WABA id, in a path's WABA slot (`/{waba}/message_templates`)
/// or a Graph path of an id alone, is read for the kind the slot takes: `errors` names the mistake and the WABA id to use
/// (not "no object has the id"), and `whois` names it as a WABA id, with the WABA paths it is for.
@Suite struct SlotNearMissTests {
    static let notExist = "(#100) Unsupported get request. Object with ID 'x' does not exist, cannot be loaded due to missing permissions"

    /// Two WABAs: Sales and Support under 200300400500601, Other under 200300400500701.
    static let numbers: [PhoneNumber] = IDResolverTests.numbers + [
        try! PhoneNumber(json: [
            "id": "100200300400503", "phone_number_id": "100200300400503", "name": "Other Line",
            "business_account_id": "200300400500701", "display_phone_number": "+1 415-555-0102",
            "display_phone_number_normalized": "14155550102", "status": "CONNECTED",
        ])
    ]

    static func meaning(_ path: String, status: Int = 404, numbers: [PhoneNumber] = numbers) -> String {
        let log = FailureGroupsTests.log("GET", path, status, key: "k", at: "2026-11-21T10:00:00Z", error: notExist)
        return FailureGroups.meaning(of: log, numbers: numbers) ?? ""
    }

    @Test(arguments: [
        ("200300400500601%0A", "200300400500601%0A is 200300400500601 with a trailing line feed (%0A) (the WABA id of Sales Line and Support Line)"),
        ("+200300400500601", "+200300400500601 is 200300400500601 with a '+' in front (the WABA id of Sales Line and Support Line)"),
        ("%22200300400500601%22", "%22200300400500601%22 is 200300400500601 with quotes around it (%22) (the WABA id of Sales Line and Support Line)"),
        ("20030040050060", "20030040050060 is 200300400500601 without its last digit (the WABA id of Sales Line and Support Line)"),
        ("200300400500610", "200300400500610 is 200300400500601 with two digits swapped (10 for 01 at digits 14-15) (the WABA id of Sales Line and Support Line)"),
        ("200300400500710", "200300400500710 is 200300400500701 with two digits swapped (10 for 01 at digits 14-15) (the WABA id of Other Line)"),
    ])
    func aMangledWABAIDInAWABARouteIsNamed(_ id: String, _ start: String) {
        for edge in ["message_templates", "phone_numbers", "subscribed_apps"] {
            let meaning = Self.meaning("/meta/whatsapp/v24.0/\(id)/\(edge)")
            #expect(meaning.hasPrefix(start), "\(meaning)")
            let waba = id.hasPrefix("2003004005007") ? "200300400500701" : "200300400500601"
            #expect(meaning.hasSuffix("; /\(edge) takes the WABA id: use \(waba)"), "\(meaning)")
            #expect(!meaning.contains("no object"), "\(meaning)")
            #expect(!meaning.contains("phone-number id"), "\(meaning)")
        }
    }

    /// An id cut short names the WABA it starts; when several WABAs start with it, all of them, no guess.
    @Test func aCutIDOfSeveralWABAsNamesThemAll() {
        let meaning = Self.meaning("/meta/whatsapp/v24.0/2003004005006/message_templates")
        #expect(meaning.hasPrefix("2003004005006 is 200300400500601 without its last 2 digits (the WABA id of Sales Line and Support Line)"), "\(meaning)")
        let both = Self.meaning("/meta/whatsapp/v24.0/20030040050/message_templates")
        #expect(!both.contains("is a WABA id"), "12 digits at least for a cut id: \(both)")
        let two = Self.meaning("/meta/whatsapp/v24.0/200300400500/message_templates")
        #expect(two.hasPrefix("200300400500 is a WABA id without its last 3 digits (200300400500601 (Sales Line and Support Line) or 200300400500701 (Other Line))"), "\(two)")
        #expect(two.hasSuffix("use one of 200300400500601 (Sales Line and Support Line) or 200300400500701 (Other Line)"), "\(two)")
    }

    /// A Graph path of an id alone reads any Meta object: a mangled WABA id or phone-number id there is named as either.
    @Test func aGraphPathOfAnIDAloneIsReadForEitherKind() {
        let waba = Self.meaning("/meta/whatsapp/v24.0/200300400500601%0A")
        #expect(waba.hasPrefix("200300400500601%0A is 200300400500601 with a trailing line feed (%0A) (the WABA id of"), "\(waba)")
        #expect(waba.hasSuffix("; use 200300400500601"), "\(waba)")
        let typo = Self.meaning("/meta/whatsapp/v24.0/200300400500610")
        #expect(typo.hasPrefix("200300400500610 is 200300400500601 with two digits swapped"), "\(typo)")
        let number = Self.meaning("/meta/whatsapp/v24.0/100200300400501%0A")
        #expect(number.hasPrefix("100200300400501%0A is 100200300400501 with a trailing line feed (%0A) (Support Line's phone-number id)"), "\(number)")
        #expect(number.hasSuffix("; use 100200300400501 (Support Line)"), "\(number)")
    }

    /// The grouped row carries the id, so `overview` suggests `whois ID`, which now names the same mistake.
    @Test func theGroupCarriesTheIDAndTheHeadlineNamesTheMiss() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([
            FailureGroupsTests.log("GET", "/meta/whatsapp/v24.0/+200300400500601/message_templates", 404, key: "k", at: "2026-11-21T10:00:00Z", error: Self.notExist),
            FailureGroupsTests.log("POST", "/meta/whatsapp/v24.0/+200300400500601/message_templates", 404, key: "k", at: "2026-11-21T10:01:00Z", error: Self.notExist),
        ])
        let groups = FailureGroups(triage.entries, numbers: Self.numbers)
        let group = try #require(groups.groups.first)
        #expect(groups.groups.count == 1)
        #expect(group.misplacedID == "+200300400500601")
        #expect(group.headline == "2 failed calls from key k: +200300400500601 is 200300400500601 with a '+' in front (the WABA id of Sales Line and Support Line)")
    }

    /// `whois` of a WABA id cut short or mistyped names it as the WABA id it misses; its fix names the WABA paths first.
    @Test(arguments: [
        ("200300400500610", "200300400500610 is 200300400500601 with two digits swapped (10 for 01 at digits 14-15): the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501"),
        ("20030040050060", "20030040050060 is 200300400500601 without its last digit: the WABA id (business_account_id) of Sales Line 100200300400502 and Support Line 100200300400501"),
    ])
    func whoisNamesAMistypedWABAID(_ id: String, _ statement: String) throws {
        let identity = IDResolver.resolve(try IDInput.read(id).get(), typed: id, facts: IDResolverTests.facts)
        #expect(identity.kind == .nearMissWABAID)
        #expect(identity.statement == statement)
        #expect(identity.fix?.hasPrefix("WABA paths take 200300400500601 (/200300400500601/message_templates); ") == true, "\(identity.fix ?? "")")
    }

    /// The WABA id itself: its fix names the WABA paths it is for before the phone-number ids other calls take.
    @Test func whoisOfTheWABAIDNamesWhatItIsFor() throws {
        let identity = IDResolver.resolve(try IDInput.read("200300400500601").get(), typed: "200300400500601", facts: IDResolverTests.facts)
        #expect(identity.kind == .wabaID)
        #expect(identity.fix?.hasPrefix("WABA paths take 200300400500601 (/200300400500601/message_templates); calls about messages") == true)
    }

    /// `whois` of a WABA id pasted with a copying mistake says the id as pasted fails, as it says of a phone-number id.
    @Test(arguments: [
        ("200300400500601%0A", "'200300400500601%0A' is 200300400500601 with a trailing line feed (%0A); read as 200300400500601 here"),
        ("+200300400500601", "'+200300400500601' is 200300400500601 with a '+' in front; read as 200300400500601 here"),
        ("200300400500601\u{200B}", "'200300400500601<U+200B>' is 200300400500601 with a zero-width space (U+200B); read as 200300400500601 here"),
    ])
    func aPastedWABAIDMissIsNamed(_ pasted: String, _ start: String) throws {
        let line = try #require(IDResolver.pastedNearMissLine(pasted, numbers: Self.numbers))
        #expect(line.hasPrefix(start), "\(line)")
        #expect(IDResolver.pastedNearMissLine("200300400500601", numbers: Self.numbers) == nil)
    }

    /// The slot says which kind is read: a mangled WABA id in a number route is not read as a WABA id there (the number
    /// route's own reading stands), and a phone-number id mangled in a WABA route is not named as a phone-number id.
    @Test func theSlotSaysWhichKindIsRead() {
        #expect(IDResolver.slotNearMiss("/meta/whatsapp/v24.0/200300400500601%0A/messages", numbers: Self.numbers) == nil)
        #expect(IDResolver.slotNearMiss("/meta/whatsapp/v24.0/100200300400501%0A/message_templates", numbers: Self.numbers) == nil)
        #expect(IDResolver.slotNearMiss("/meta/whatsapp/v24.0/100200300400501%0A/messages", numbers: Self.numbers)?.kind == .phoneNumberID)
        #expect(IDResolver.slotNearMiss("/meta/whatsapp/v24.0/200300400500601%0A/message_templates", numbers: Self.numbers)?.kind == .wabaID)
        #expect(IDResolver.slotNearMiss("/meta/whatsapp/v24.0/200300400500601/message_templates", numbers: Self.numbers) == nil)
    }
}
