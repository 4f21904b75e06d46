import KopsShell
import Testing

/// Probe6 P6-5: one parser and one resolver wherever an id or number is typed. `--phone-number` with one of the
/// project's own ids says what it is instead of an empty list; a quoted number is read as `whois` and `use` read it;
/// `reply --to` with a conversation id or a WAMID goes to that conversation's or message's contact (demo seed: Dana
/// Ortiz, +14155550142, on Support Line).
@Suite struct OneResolverTests {
    static let dana = "d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678"
    static let danaReply = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="
    /// A WAMID of no message of the project, carrying +14155550999.
    static let strangerWAMID = "wamid.HBgLMTQxNTU1NTA5OTkVAgASGBRBN0YzQzE5RTAyQjg0RDZFNUMxMQA="

    @Test(arguments: [
        ("messages --phone-number 200300400500601", "--phone-number: 200300400500601 is the WABA id"),
        ("conversations --phone-number 200300400500601", "--phone-number: 200300400500601 is the WABA id"),
        ("messages --phone-number 100200300400501", "--phone-number: 100200300400501 is the phone-number id of Support Line"),
        ("conversations --phone-number 100200300400502 --all", "--phone-number: 100200300400502 is the phone-number id of Sales Line"),
    ])
    func phoneNumberFilterWithTheProjectsOwnIDSaysWhatItIs(line: String, statement: String) async throws {
        let run = try await runShell([line])
        #expect(run.statuses == [.failure], "\(run.out)")
        #expect(run.err.contains(statement) && run.err.contains(", not a contact's phone number"), "\(run.err)")
    }

    /// An id-shaped value (15 digits) that no number of the project has is not answered with an empty list: the line
    /// says it is none of the project's ids and no contact, and lists the numbers to 'use' (probe6 leftovers).
    @Test(arguments: [
        "messages --phone-number 100200300400999", "conversations --phone-number 100200300400999",
        "messages --phone-number 100200300400999 --all",
    ])
    func anUnknownIDShapedPhoneNumberNamesTheProjectsNumbers(line: String) async throws {
        let run = try await runShell([line])
        #expect(run.statuses == [.failure], "\(run.out)")
        #expect(run.err.contains("--phone-number: 100200300400999 is not a phone-number id, WABA id"), "\(run.err)")
        #expect(
            run.err.contains(
                "--phone-number takes a contact's number; for one of this project's numbers, pick one: "
                    + "use 100200300400502 (Sales Line) or use 100200300400501 (Support Line)"), "\(run.err)")
        #expect(!run.err.contains("0 items") && !run.err.contains("0 messages"), "\(run.err)")
    }

    /// Shorter digits can be (part of) a contact's number: no contact with them is an empty list.
    @Test func aShorterUnknownNumberIsStillAnEmptyList() async throws {
        let run = try await runShell(["messages --phone-number 1002003004009"])
        #expect(run.statuses == [.ok], "\(run.err)")
        #expect(run.err.contains("0 items") && !run.err.contains("--phone-number:"), "\(run.err)")
    }

    @Test func aContactWithNoMessagesIsStillAnEmptyList() async throws {
        let run = try await runShell(["messages --phone-number +14155550999"])
        #expect(run.statuses == [.ok], "\(run.err)")
        #expect(!run.err.contains("--phone-number:"), "\(run.err)")
    }

    @Test(arguments: [
        "reply --dry-run --to '\"+14155550142\"' x", "messages --phone-number '\"+14155550142\"'",
        "conversations --phone-number '“+1 (415) 555-0142”,'",
    ])
    func quotedNumbersAreReadAsWhoisReadsThem(line: String) async throws {
        let run = try await runShell([line])
        #expect(run.statuses == [.ok], "\(run.err)")
        #expect(!run.err.contains("invalid value"), "\(run.err)")
        if line.hasPrefix("reply") { #expect(run.out.contains("\"to\": \"14155550142\""), "\(run.out)") }
    }

    @Test(arguments: [dana, dana.uppercased(), danaReply])
    func replyToAConversationOrMessageGoesToItsContact(id: String) async throws {
        let run = try await runShell(["reply --dry-run --to \(id) hello"])
        #expect(run.statuses == [.ok], "\(run.err)")
        #expect(run.out.contains("\"to\": \"14155550142\""), "\(run.out)")
        #expect((run.out + run.err).contains("--to: \(id.lowercased().hasPrefix("wamid") ? id : id.lowercased()) is "), "\(run.out)\(run.err)")
        #expect((run.out + run.err).contains("replying to its contact +14155550142"), "\(run.out)\(run.err)")
    }

    @Test func replyToAnotherNumbersConversationSaysWhichNumberToUse() async throws {
        let run = try await runShell(["reply --dry-run --to \(Self.dana) hello"], phoneNumberID: "100200300400502")
        #expect(run.statuses == [.failure], "\(run.out)")
        #expect(run.err.contains("not of the selected number 100200300400502; use 100200300400501, then reply --to +14155550142"), "\(run.err)")
    }

    @Test func replyToAWAMIDOfNoMessageSaysWhatToType() async throws {
        let run = try await runShell(["reply --dry-run --to \(Self.strangerWAMID) hello"])
        #expect(run.statuses != [.ok], "\(run.out)")
        #expect(run.err.contains("not a contact's phone number; if that is the contact, --to +14155550999"), "\(run.err)")
        #expect(!run.out.contains("\"to\""), "\(run.out)")
    }
    /// The finding's last two commands: a non-UUID where a conversation or webhook id belongs is named, never sent.
    @Test(arguments: [
        ("messages --conversation 200300400500601", "--conversation: 200300400500601 is the WABA id"),
        ("deliveries --webhook 100200300400501", "--webhook: 100200300400501 is the phone-number id of Support Line"),
    ])
    func aNonUUIDFilterIsNamedBeforeAnyRequest(line: String, statement: String) async throws {
        let run = try await runShell([line])
        #expect(run.statuses != [.ok], "\(run.out)")
        #expect(run.err.contains(statement) && !run.err.contains("(400)"), "\(run.err)")
    }
}
