import Foundation
import KapsoClient
import KapsoDiagnostics
import Testing

/// The probe37 readings of API calls and pasted errors, table-driven on the outside tester's shapes (/tmp/p37) and one
/// variant of each: Graph's token 2500 (P37-14).
@Suite struct Probe37ReadingsTests {
    static func log(_ method: String = "POST", _ path: String, _ status: Int, _ error: String?) -> APILog {
        FailureGroupsTests.log(method, path, status, key: "backend", at: "2026-11-21T10:00:00Z", error: error)
    }

    static let tokenBody =
        #"{"error":{"message":"An active access token must be used to query information about the current user.","type":"OAuthException","code":2500,"fbtrace_id":"AbCdEf"}}"#

    /// P37-14: Graph's token 2500 on the right send and template paths is the token, not the path; the text form of the
    /// same answer (`(#2500) An active access token …`) reads the same.
    @Test(arguments: [
        ("POST", "/meta/whatsapp/v24.0/100200300400501/messages", tokenBody),
        ("GET", "/meta/whatsapp/v24.0/200300400500601/message_templates", tokenBody),
        ("POST", "/meta/whatsapp/v24.0/100200300400502/messages", "(#2500) An active access token must be used to query information about the current user."),
    ])
    func tokenTwentyFiveHundredIsTheToken(method: String, path: String, error: String) throws {
        let meaning = try #require(FailureGroups.meaning(of: Self.log(method, path, 400, error), numbers: IDResolverTests.numbers))
        #expect(meaning.hasPrefix("no active access token (Graph)"), "\(meaning)")
        #expect(meaning.contains("'health'") && meaning.contains("the path needs no change"), "\(meaning)")
        #expect(!meaning.contains("fix the path") && !meaning.contains("unknown path"), "\(meaning)")
    }

    /// P37-14: the code alone names both of Graph's causes and the check that tells them apart; each text picks one.
    @Test func twentyFiveHundredAloneNamesBothCauses() throws {
        let bare = try #require(ErrorCatalog.entry(for: "2500"))
        #expect(bare.meaning.contains("Unknown path components") && bare.meaning.contains("active access token"), "\(bare.meaning)")
        #expect(bare.fix.hasPrefix("read Graph's message"), "\(bare.fix)")
        #expect(ErrorCatalog.entry(for: "2500", message: "Unknown path components: /extra")?.name == "unknown path (Graph)")
        #expect(PastedError(Self.tokenBody)?.entry?.name == "no active access token (Graph)")
        #expect(ErrorCatalog.entry(for: "2500", message: "something else")?.name == bare.name)
    }
}

