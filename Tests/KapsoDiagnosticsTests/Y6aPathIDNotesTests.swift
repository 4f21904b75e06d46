import KapsoDiagnostics
import Testing

/// tester67 Y6a: a contact's number used as a conversation id, for a contact who changed number: whois's statement
/// carries the change as notes after its first clause, and the kind and "used as a conversation id" were put after the
/// notes, in the middle of the line ("… whoever holds +14155550171 read it, not necessarily the contact (contact's phone
/// number), used as a conversation id").
@Suite struct Y6aPathIDNotesTests {
    @Test func theNotesFollowTheWholeLine() {
        let id = "14155550171"
        let change = "they changed their number to +14155550173 at 2026-11-21T10:00:00Z; a message to +14155550171 after "
            + "the notice was read at 2026-11-21T10:05:00Z: whoever holds +14155550171 read it, not necessarily the contact"
        let identity = Identity(
            input: id, kind: .contactNumber,
            statement: "+14155550171 is the contact Contact A in 1 conversation on Support Line; " + change)
        let line = IDResolver.wrongCollectionID(id, collection: "conversations", numbers: [], webhooks: [], identity: identity) ?? ""
        #expect(line.hasPrefix("the id in the path is the contact Contact A in 1 conversation on Support Line (contact's phone number), "
            + "used as a conversation id; 'conversations' lists conversation ids; " + change), "\(line)")
        #expect(!line.contains("not necessarily the contact (contact"), "\(line)")
    }
}
