import KapsoDiagnostics
import Testing

/// tester61 (AH7 with '+'): a contact's number with its '+' used as a message id still read "the id in the path is
/// +447700900003 is the contact …": session 60 dropped the statement's subject only when the path held the number
/// without its '+'. The subject goes whatever form either side writes the number in.
@Suite struct AH7PlusPathIDStatementTests {
    static let statement = "+447700900003 is the contact Chen 陈 in 1 conversation on Support Line"

    @Test(arguments: ["+447700900003", "%2B447700900003", "447700900003"])
    func theSubjectGoesWhateverTheFormOfThePathID(id: String) {
        let identity = Identity(input: id, kind: .contactNumber, statement: Self.statement)
        let line = IDResolver.wrongCollectionID(id, collection: "messages", numbers: [], webhooks: [], identity: identity) ?? ""
        #expect(line.hasPrefix("the id in the path is the contact Chen 陈 in 1 conversation"), "\(line)")
        #expect(!line.contains(" is +447700900003 is "), "\(line)")
    }
}
