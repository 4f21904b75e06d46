@testable import KopsShell
import Testing

/// `AddedMember.spliced`: a member added last to each NDJSON line's object, as the serializer would write it.
@Suite struct AddedMemberTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func splicesOneMemberIntoEachLine() throws {
        let lines = Self.bytes("{\"id\":\"1\"}\n{}\n")
        let spliced = try #require(
            AddedMember<Never>.spliced(lines, members: [Self.bytes("\"kops\":{\"a\":1}"), Self.bytes("\"kops\":{}")], printable: true))
        #expect(String(decoding: spliced.lines, as: UTF8.self) == "{\"id\":\"1\",\"kops\":{\"a\":1}}\n{\"kops\":{}}\n")
        #expect(spliced.printable)
    }

    @Test func aMemberOutsidePrintableASCIIClearsTheFlag() throws {
        let spliced = try #require(AddedMember<Never>.spliced(Self.bytes("{}\n"), members: [Self.bytes("\"k\":\"é\"")], printable: true))
        #expect(!spliced.printable)
    }

    @Test func linesThatAreNotOneObjectEachAreRefused() {
        #expect(AddedMember<Never>.spliced(Self.bytes("[1]\n"), members: [Self.bytes("\"k\":1")], printable: true) == nil)
        #expect(AddedMember<Never>.spliced(Self.bytes("{}\n{}\n"), members: [Self.bytes("\"k\":1")], printable: true) == nil)
        #expect(AddedMember<Never>.spliced(Self.bytes("{}"), members: [Self.bytes("\"k\":1")], printable: true) == nil)
    }
}
