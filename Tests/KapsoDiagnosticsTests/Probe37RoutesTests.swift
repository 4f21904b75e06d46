import Foundation
import KapsoClient
import KapsoDiagnostics
import Testing

/// The probe37 readings of a failed call's route: a send POSTed to the platform's message list (P37-12), and Meta's
/// business or app id in the WABA slot of /message_templates (P37-13), on the outside tester's rows (/tmp/p37/repro25,
/// repro26) and one variant of each.
@Suite struct Probe37RoutesTests {
    static func log(_ method: String, _ path: String, _ status: Int, _ error: String?) -> APILog {
        FailureGroupsTests.log(method, path, status, key: "backend", at: "2026-11-21T10:00:00Z", error: error)
    }

    /// P37-12: POST /platform/v1/whatsapp/messages (and without /whatsapp) is a send on the list route: the proxy's send.
    @Test(arguments: ["/platform/v1/whatsapp/messages", "/platform/v1/messages"])
    func aSendPostedToThePlatformListIsTheProxySend(path: String) throws {
        let meaning = try #require(FailureGroups.meaning(of: Self.log("POST", path, 404, nil), numbers: IDResolverTests.numbers))
        #expect(meaning.hasPrefix("did you mean POST /meta/whatsapp/v24.0/{phone_number_id}/messages?"), "\(meaning)")
        #expect(meaning.contains("read with GET"), "\(meaning)")
        #expect(!meaning.contains("not an endpoint"), "\(meaning)")
    }

    /// P37-12: a GET of the same list is not read as a send.
    @Test func aGetOfTheListIsNoSend() {
        let meaning = FailureGroups.meaning(of: Self.log("GET", "/platform/v1/whatsapp/messages", 404, nil), numbers: IDResolverTests.numbers)
        #expect(meaning?.contains("did you mean POST") != true, "\(meaning ?? "")")
    }

}
