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

// MARK: - P37-6: an id never filled in

extension Probe37ReadingsTests {
    static let objectMessages =
        #"{"error":{"message":"Unsupported post request. Object with ID 'messages' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33}}"#

    /// P37-6: an empty phone-number id, or one a language's unset value or an unexpanded placeholder stands for, is an id
    /// never filled in, with the ids to use; the WABA slot of /message_templates (a variant) too.
    @Test(arguments: [
        ("POST", "/meta/whatsapp/v24.0//messages", nil, "phone-number id is missing from the path (an empty segment before /messages)"),
        ("POST", "/meta/whatsapp/v24.0/messages", objectMessages, "phone-number id is missing from the path (/messages right after the version)"),
        ("POST", "/meta/whatsapp/v24.0/undefined/messages", nil, "(undefined: JavaScript's undefined"),
        ("POST", "/meta/whatsapp/v24.0/null/messages", nil, "(null: null, the value of a variable never set"),
        ("POST", "/meta/whatsapp/v24.0/[object Object]/messages", nil, "a JavaScript object"),
        ("POST", "/meta/whatsapp/v24.0/${PHONE_NUMBER_ID}/messages", nil, "a shell or template variable never expanded"),
        ("POST", "/meta/whatsapp/v24.0/%7BPHONE_NUMBER_ID%7D/messages", nil, "a placeholder from a reference copied without its value"),
        ("POST", "/meta/whatsapp/v24.0/None/messages", nil, "Python's None"),
        ("GET", "/meta/whatsapp/v24.0//message_templates", nil, "the WABA id is missing from the path (an empty segment before /message_templates)"),
    ] as [(String, String, String?, String)])
    func anIDNeverFilledInIsSaid(method: String, path: String, error: String?, says: String) throws {
        let meaning = try #require(FailureGroups.meaning(of: Self.log(method, path, 404, error), numbers: IDResolverTests.numbers))
        #expect(meaning.contains(says), "\(meaning)")
        #expect(meaning.contains("was empty or unset when the URL was built"), "\(meaning)")
        #expect(meaning.contains("use 100200300400502") || meaning.contains("use 200300400500601"), "\(meaning)")
        #expect(!meaning.contains("no id that could be missing") && !meaning.contains("nor an id of this project"), "\(meaning)")
    }

    /// P37-6: ids that are ids stay the resolver's to read.
    @Test(arguments: ["100200300400501", "+14155550100", "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456", "undefinedx", "{}"])
    func realIDsAreNoPlaceholder(segment: String) {
        #expect(UnfilledID.meaning(endpoint: "/meta/whatsapp/v24.0/\(segment)/messages") == nil)
    }

    /// P37-6: `explain` of Graph's "Object with ID 'messages'" (and 'undefined') says the id before the edge was missing,
    /// not "'whois messages' says what the id is".
    @Test(arguments: ["messages", "undefined", "[object Object]"])
    func explainOfAnEdgeOrPlaceholderObject(id: String) throws {
        let body = Self.objectMessages.replacingOccurrences(of: "'messages'", with: "'\(id)'")
        let advice = try #require(PastedError(body)?.objectAdvice())
        #expect(advice.contains("the variable that should hold"), "\(advice)")
        #expect(!advice.contains("whois"), "\(advice)")
    }
}
