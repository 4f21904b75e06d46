import KapsoClient
import KapsoDiagnostics
import Testing

/// probe46 P46-2: a failed Graph read of an id alone (`GET /meta/whatsapp/v24.0/{id}`) whose id Graph reads nowhere there
/// (a message, a conversation, a contact) is the path's shape, not a missing object: `errors` says what the id is and
/// where that kind is read; and Graph's 2635 names the path's version.
@Suite struct GraphNodePathTests {
    static let numbers = IDResolverTests.numbers
    static let wamid = PathIDsNamedTests.wamid
    static let conversation = "0a1b2c3d-0000-4000-8000-000000000171"
    static let notExist = "(#100) Unsupported post request. Object with ID 'X' does not exist, cannot be loaded due to missing permissions, or does not support this operation"

    static func read(_ id: String, status: Int = 404) -> APILog {
        FailureGroupsTests.log("GET", "/meta/whatsapp/v24.0/\(id)", status, key: "k", at: "2026-11-21T09:14:00Z", error: notExist)
    }

    static func groups(_ log: APILog, identities: [String: Identity] = [:]) -> FailureGroups {
        FailureGroups(PathIDsNamedTests.entries([log]), numbers: numbers, identities: identities)
    }

    static var message: Identity {
        var identity = Identity(
            input: wamid, kind: .wamid,
            statement: "\(wamid) is an inbound text message from +14155550171 on Support Line (100200300400501), received")
        identity.phoneNumberIDs = ["100200300400501"]
        return identity
    }

    /// The message `whois` found: named as it names it, with the two paths a message is read at, never "no object".
    @Test(arguments: [404, 400])
    func aMessageReadAsAGraphNodeIsNamedWithWhereMessagesAreRead(_ status: Int) throws {
        let groups = Self.groups(Self.read(Self.wamid, status: status), identities: [Self.wamid: Self.message])
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning.hasPrefix(Self.message.statement + " (it exists)"), "\(meaning)")
        #expect(meaning.contains("GET /meta/whatsapp/v24.0/100200300400501/messages/\(Self.wamid)"), "\(meaning)")
        #expect(meaning.contains("GET /platform/v1/whatsapp/messages/\(Self.wamid)"), "\(meaning)")
        #expect(!meaning.contains("no object has") && !meaning.contains("not in this project"), "\(meaning)")
        #expect(groups.groups.first?.misplacedID == Self.wamid)
    }

    /// tester46 F2: an id of a WAMID's form that `whois` found in no message of the project: not "(it exists)", and the
    /// id as the path has it, not as the resolver padded it (`…123` → `…123=`, another id to paste).
    @Test func aWAMIDFoundNowhereIsNotSaidToExist() throws {
        let logged = "wamid.NOTEXIST123"
        var facts = IDResolver.Facts()
        facts.numbers = Self.numbers
        let resolved = IDResolver.resolve(try IDInput.read(logged).get(), typed: logged, facts: facts)
        #expect(resolved.notFound, "\(resolved.statement)")
        let groups = Self.groups(Self.read(logged), identities: [logged: resolved])
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning.hasPrefix("\(logged) is a message id (WAMID) by its form, but none kops could find in this project; "), "\(meaning)")
        #expect(!meaning.contains("(it exists)") && !meaning.contains("\(logged)="), "\(meaning)")
    }

    /// Not looked up (past the budget, or no numbers known): its form names it, `whois` is offered, and nothing says it
    /// does not exist; the flat view (no numbers) and `explain`'s catalogue entry read it alike.
    @Test func aMessageIDNotLookedUpIsNamedByItsFormWithoutClaimingItIsMissing() throws {
        let groups = Self.groups(Self.read(Self.wamid))
        let meaning = try #require(groups.groups.first?.meaning)
        #expect(meaning.hasPrefix("\(Self.wamid) is a message id (WAMID) by its form; 'whois \(Self.wamid)' says whose"), "\(meaning)")
        #expect(meaning.contains("/{phone_number_id}/messages/\(Self.wamid)"), "\(meaning)")
        let flat = try #require(FailureGroups.meaning(of: Self.read(Self.wamid), numbers: []))
        #expect(flat.hasPrefix("\(Self.wamid) is a message id (WAMID) by its form"), "\(flat)")
        let entry = try #require(ErrorCatalog.entry(
            for: "100", subcode: 33, status: 404, path: "/meta/whatsapp/v24.0/\(Self.wamid)", message: Self.notExist))
        #expect(entry.meaning.hasPrefix("\(Self.wamid) is a message id (WAMID)"), "\(entry.meaning)")
        #expect(!entry.meaning.contains("does not exist or this key cannot see it"), "\(entry.meaning)")
    }

    /// `explain` of a pasted API-log line `GET /meta/whatsapp/v24.0/{wamid}` with Graph's answer: the path's shape; the
    /// same answer without a path (the id may have stood in another slot) keeps Graph's three causes.
    @Test func explainOfAPastedReadNamesTheMessage() throws {
        let text = "(#100) Unsupported get request. Object with ID '\(Self.wamid)' does not exist, cannot be loaded due to missing permissions, or does not support this operation"
        let pasted = try #require(PastedError("GET /meta/whatsapp/v24.0/\(Self.wamid) 404 \(text)"))
        let advice = try #require(pasted.objectAdvice())
        #expect(advice.hasPrefix("\(Self.wamid) is a message id (WAMID) by its form"), "\(advice)")
        let bare = try #require(PastedError(text)?.objectAdvice())
        #expect(!bare.contains("no Graph node"), "\(bare)")
    }

    /// The WAMID of `/v24.0/{wamid}` is among the ids `errors` asks `whois` about.
    @Test func theIDOfAGraphReadIsLookedUp() {
        #expect(FailureGroups.unknownPathIDs(PathIDsNamedTests.entries([Self.read(Self.wamid)]), numbers: Self.numbers) == [Self.wamid])
    }

    /// Other kinds at `/{id}`: each named with where it is read.
    @Test(arguments: [
        (conversation, Identity.Kind.conversationID, "GET /platform/v1/whatsapp/conversations/\(conversation)"),
        ("14155550171", .contactNumber, "/platform/v1/whatsapp/messages?phone_number="),
        ("US.13491208655302741918", .businessScopedUserID, "/platform/v1/whatsapp/messages?business_scoped_user_id="),
    ])
    func otherKindsAreNamedWithWhereTheyAreRead(_ id: String, _ kind: Identity.Kind, _ path: String) throws {
        var identity = Identity(input: id, kind: kind, statement: "\(id) is a \(kind.title) of Support Line")
        identity.phoneNumberIDs = ["100200300400501"]
        let meaning = try #require(Self.groups(Self.read(id), identities: [id: identity]).groups.first?.meaning)
        #expect(meaning.hasPrefix(identity.statement + " (it exists)"), "\(meaning)")
        #expect(meaning.contains(path) && meaning.contains("no Graph node"), "\(meaning)")
    }

    /// A phone-number id at `/{id}` is a Graph node: its reading stays the documented route's.
    @Test func aPhoneNumberIDAtItsOwnReadIsNoNodelessID() throws {
        let meaning = try #require(Self.groups(Self.read("100200300400501")).groups.first?.meaning)
        #expect(!meaning.contains("no Graph node"), "\(meaning)")
        #expect(meaning.contains("is a documented Graph read"), "\(meaning)")
    }
}

/// probe46 P46-2: Graph's 2635 "You are calling a deprecated version of the Graph API" is in the catalogue, and `errors`
/// names the version in the path against Kapso's proxy version.
@Suite struct DeprecatedGraphVersionTests {
    static let text = "(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: v24.0."

    @Test func theCatalogueKnows2635WithItsSource() throws {
        let entry = try #require(ErrorCatalog.entry(for: "2635"))
        #expect(entry.name == "deprecated Graph API version")
        #expect(entry.reference.contains("developers.facebook.com/docs/graph-api"), "\(entry.reference)")
        #expect(entry.fix.contains("/meta/whatsapp/v24.0"))
    }

    @Test(arguments: [("v16.0", "2025-05-14"), ("v19.0", "2026-05-21"), ("v2.8", "2019-04-18")])
    func errorsNamesThePathsVersion(_ version: String, _ retired: String) throws {
        let log = FailureGroupsTests.log(
            "POST", "/meta/whatsapp/\(version)/100200300400501/messages", 400, key: "k", at: "2026-11-21T09:05:00Z", error: Self.text)
        for meaning in [
            try #require(FailureGroups(PathIDsNamedTests.entries([log]), numbers: GraphNodePathTests.numbers).groups.first?.meaning),
            try #require(FailureGroups.meaning(of: log, numbers: [])),
        ] {
            #expect(meaning.hasPrefix("the path asks Graph \(version), a version Meta deprecated (Meta retired it on \(retired)"), "\(meaning)")
            #expect(meaning.hasSuffix("send the same call to /meta/whatsapp/v24.0/100200300400501/messages"), "\(meaning)")
            #expect(!meaning.contains("read the error text"), "\(meaning)")
        }
    }

    /// Kapso's own version refused as deprecated: no "send it with v24.0", which is what was sent.
    @Test func kapsosOwnVersionRefusedIsNoPathFix() throws {
        let text = "(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: v27.0."
        let meaning = try #require(
            IDResolver.deprecatedVersionMeaning(endpoint: "/meta/whatsapp/v24.0/100200300400501/messages", status: 400, text: text))
        #expect(meaning.hasPrefix("the path asks v24.0, the version Kapso documents its proxy at"), "\(meaning)")
        #expect(meaning.contains("Graph names v27.0 the latest"), "\(meaning)")
    }

    /// `explain` of a pasted 2635 body says the version is the cause, not "read the error text".
    @Test func aPastedBodyNamesTheVersionAsTheCause() throws {
        let pasted = try #require(PastedError("{\"error\": {\"message\": \"\(Self.text)\", \"code\": 2635}}"))
        let advice = try #require(pasted.unknownPathAdvice)
        #expect(advice.hasPrefix("Graph refused the call's Graph version as deprecated"), "\(advice)")
        #expect(advice.contains("/meta/whatsapp/v24.0"), "\(advice)")
    }
}
