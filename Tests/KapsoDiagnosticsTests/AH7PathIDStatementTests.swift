import KapsoDiagnostics
import Testing

/// tester60 AH7: a contact's number used as a message id read "the id in the path is +447700900003 is the contact Chen 陈
/// …": whois names the number with its '+', the path holds it without, and the subject was kept.
@Suite struct AH7PathIDStatementTests {
    @Test func theSubjectGoesWhateverItsPlus() {
        let id = "447700900003"
        let identity = Identity(
            input: id, kind: .contactNumber, statement: "+447700900003 is the contact Chen 陈 in 1 conversation on Support Line")
        let line = IDResolver.wrongCollectionID(id, collection: "messages", numbers: [], webhooks: [], identity: identity) ?? ""
        #expect(line.hasPrefix("the id in the path is the contact Chen 陈 in 1 conversation"), "\(line)")
        #expect(!line.contains(" is +447700900003 is "), "\(line)")
    }
}
