import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The testers' canary seed (probe findings F7, F8, F16): a contact 14155550199 "Canary Person" who sends a
/// location, a contact card, a flow response and a document, plus API logs and a delivery naming numbers kops
/// never saw as a contact's (447700900555, 447700900556). No form of any of them reaches a masked page, and one
/// person keeps one alias.
@Suite struct ContentCanaryTests {
    static let seed = TestSeeds.path("mask-canary.seed.json")

    static let lines = [
        "use 100200300400501", "messages --phone-number 14155550199",
        "trace wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDJBQUFBQUFBQUFBQUFBQUFBQQA=",
        "trace wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDNBQUFBQUFBQUFBQUFBQUFBQQA=",
        "trace wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDRBQUFBQUFBQUFBQUFBQUFBQQA=",
        "message wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDVBQUFBQUFBQUFBQUFBQUFBQQA=",
        "message wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDRBQUFBQUFBQUFBQUFBQUFBQQA= --output json",
        "message wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDJBQUFBQUFBQUFBQUFBQUFBQQA= --output json",
        "message wamid.HBgLMTQxNTU1NTAxOTkVAgASGBRLMDNBQUFBQUFBQUFBQUFBQUFBQQA= --output json",
        "conversations", "conversation 0a1b2c3d-0000-4000-8000-000000000199",
        "conversation 0a1b2c3d-0000-4000-8000-000000000199 --output json",
        "errors", "errors --flat", "errors --flat --output json", "logs --errors", "logs --output json",
        "deliveries --period 30d", "deliveries --period 30d --output json", "whois 14155550199",
    ]

    /// Every form of the canary's number, names, and the content the contact sent.
    static let forms = [
        "14155550199", "4155550199", "555-0199", "5550199", "MTQxNTU1NTAxOT", "Canary Person", "canary.user",
        "Third Party", "third@example.com", "canary@example.com", "10 Canary Lane", "51.501009", "-0.141588",
        "passport", "447700900555", "447700900556", "7700 900555", "wamid.",
    ]

    private func page() async throws -> String {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(ContentCanaryTests.seed))
            let (shell, _) = try fixture.shell()
            let header = TranscriptHeader(context: shell.context, keepPII: false)
            let recorder = try TranscriptRecorder(header: header, destination: .memory, context: shell.context)
            shell.recorder = recorder
            for line in ContentCanaryTests.lines { shell.run(line: line) }
            return recorder.text
        }
    }

    @Test func contentAContactSentIsMaskedLikeABodyInEveryView() async throws {
        let page = try await page()
        for form in Self.forms {
            let hits = page.split(separator: "\n").filter { $0.contains(form) }
            #expect(hits.isEmpty, "the page shows '\(form)': \(hits.first ?? "")")
        }
        #expect(page.contains("location \"<body "))
        #expect(page.contains("shared contact <contact "))
        #expect(page.contains("/platform/v1/whatsapp/contacts/44770•••0555"))
        // The project's own ids stay as they are.
        #expect(page.contains("100200300400501"))
    }

    /// One alias per distinct value for the whole page: the seed has six names (Canary Person, canary.user,
    /// Third Party, two emails, Contact A), so no more than six `<contact N>` aliases, numbered from 1 without gaps.
    @Test func eachPersonKeepsOneAlias() async throws {
        let page = try await page()
        var numbers = Set<Int>()
        var rest = Substring(page)
        while let range = rest.range(of: "<contact ") {
            let digits = rest[range.upperBound...].prefix { $0.isNumber }
            if let number = Int(digits) { numbers.insert(number) }
            rest = rest[range.upperBound...]
        }
        #expect(!numbers.isEmpty)
        #expect(numbers.count <= 6, "\(numbers.sorted())")
        #expect(numbers == Set(1...numbers.count))
    }

    /// Bare digits of a number in free text are masked when they can be a phone number, not when they are an id,
    /// a Unix time or one of the project's own ids.
    @Test(arguments: [
        ("GET /platform/v1/whatsapp/contacts/447700900555", "GET /platform/v1/whatsapp/contacts/44770•••0555"),
        ("no user 5511987654321 here", "no user 55119•••4321 here"),
        ("timestamp 1795257780 and 1795255620000", "timestamp 1795257780 and 1795255620000"),
        ("GET /meta/whatsapp/v24.0/100200300400501/messages", "GET /meta/whatsapp/v24.0/100200300400501/messages"),
        ("template 780100200300404 on WABA 200300400500601", "template 780100200300404 on WABA 200300400500601"),
    ])
    func bareNumbersAreMaskedWhenTheyCanBePhoneNumbers(text: String, expected: String) {
        let masker = PIIMasker()
        masker.learnOwnIDs(["100200300400501"])
        #expect(masker.mask(text) == expected)
    }

    /// `whois`'s contact detail and a template's parameter values (a login code) are masked too (probe2 F31).
    @Test func whoisContactsAndTemplateValuesAreMasked() throws {
        let masker = PIIMasker()
        masker.learn(from: try JSONValue.parse(Array(#"{"details":{"contact":"Marisol Vega","name":"Support Line"}}"#.utf8)))
        masker.learn(from: try JSONValue.parse(Array(#"""
            {"type":"template","template":{"name":"login_code","components":[{"type":"body","parameters":[{"type":"text","text":"987654"}]}]}}
            """#.utf8)))
        #expect(masker.mask("contact:      Marisol Vega") == "contact:      <contact 1>")
        #expect(masker.mask("template login_code (en_US): 987654, 987654") == "template login_code (en_US): <body 1>, <body 1>")
        #expect(masker.mask("name: Support Line") == "name: Support Line")
    }
}
