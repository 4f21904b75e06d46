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

    static func identity(_ id: String, _ kind: Identity.Kind, _ what: String) -> Identity {
        var identity = Identity(
            input: id, kind: kind, statement: "\(id) is \(what) numbers Sales Line and Support Line (from health)")
        identity.phoneNumberIDs = ["100200300400502", "100200300400501"]
        return identity
    }

    static let objectText = #"{"error":{"message":"Unsupported get request. Object with ID '300400500600701' does not exist, cannot be loaded due to missing permissions, or does not support this operation.","type":"GraphMethodException","code":100,"error_subcode":33}}"#

    /// P37-13: Meta's business id (400 and 404) and app id (a variant) on /message_templates: the id's kind and the WABA.
    @Test(arguments: [
        ("300400500600701", Identity.Kind.metaBusinessID, "the Meta business (portfolio) id of this project's", 400),
        ("300400500600701", Identity.Kind.metaBusinessID, "the Meta business (portfolio) id of this project's", 404),
        ("400500600700801", Identity.Kind.metaAppID, "the Meta app id subscribed to the webhooks of this project's", 400),
    ])
    func aBusinessOrAppIDOnTemplatesNamesTheWABA(id: String, kind: Identity.Kind, what: String, status: Int) throws {
        var triage = ErrorTriage()
        let text = Self.objectText.replacingOccurrences(of: "300400500600701", with: id)
        triage.addAPILogs([Self.log("GET", "/meta/whatsapp/v24.0/\(id)/message_templates", status, text)])
        let entry = try #require(triage.entries.first)
        let meaning = FailureGroups.meaning(of: entry, numbers: IDResolverTests.numbers, identities: [id: Self.identity(id, kind, what)])
        #expect(meaning.hasPrefix("\(id) is \(what)"), "\(meaning)")
        #expect(meaning.contains("/message_templates takes the WABA id: use 200300400500601"), "\(meaning)")
        #expect(!meaning.contains("no object has the id"), "\(meaning)")
    }

    /// P37-13: the WABA slot's unknown ids are asked about, so `errors` can name them.
    @Test func theWABASlotIDsAreLookedUp() throws {
        var triage = ErrorTriage()
        triage.addAPILogs([Self.log("GET", "/meta/whatsapp/v24.0/300400500600701/message_templates", 400, Self.objectText)])
        #expect(FailureGroups.unknownPathIDs(triage.entries, numbers: IDResolverTests.numbers) == ["300400500600701"])
    }
}
