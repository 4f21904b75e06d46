import KapsoClient
import KapsoDiagnostics
import Testing

/// tester50 N1: a WAMID lower-cased by a case-insensitive store was answered "no message with this id is in this project
/// … wrong project or key?", while the id in its original case is a message of this project, among those read.
@Suite struct WAMIDCaseTests {
    static let wamid = "wamid.HBgLMTQxNTU1NTAxODEVAgASGBRGNEZFMjkyRUIwMTYyN0EwMjE5OAA="

    static func resolve(_ typed: String, messages: [Message]) throws -> Identity {
        var facts = IDResolver.Facts()
        facts.messages = messages
        return IDResolver.resolve(try IDInput.read(typed).get(), typed: typed, facts: facts)
    }

    @Test func aLowerCasedWAMIDNamesTheMessageItMatchesIgnoringCase() throws {
        let message = try Message(json: [
            "id": .string(Self.wamid), "timestamp": "1795255200", "type": "text",
            "kapso": ["direction": "inbound", "phone_number_id": "100200300400501"],
        ])
        let identity = try Self.resolve(Self.wamid.lowercased(), messages: [message])
        #expect(identity.statement.contains("this project's message \(Self.wamid) matches it ignoring case"), "\(identity.statement)")
        #expect(identity.fix == "use the id in its original case: 'trace \(Self.wamid)'", "\(identity.fix ?? "")")
    }

    @Test func aLowerCasedWAMIDWithoutAMatchSaysWAMIDsAreCaseSensitive() throws {
        let identity = try Self.resolve(Self.wamid.lowercased(), messages: [])
        let fix = identity.fix ?? ""
        #expect(!fix.contains("wrong project"), "\(fix)")
        #expect(fix.hasPrefix("WAMIDs are case-sensitive (base64) and this one is all in lower case"), "\(fix)")
    }
}
