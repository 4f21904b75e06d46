import KapsoClient
import KapsoDiagnostics
import Testing

/// tester51 G10: a failed `token_validity` was read as "the coexistence token … reconnect the WhatsApp Business App
/// number" on a number the list marks `is_coexistence: false` (kapso-api.md §2.3 documents the check for coexistence
/// numbers only), and the check's own text (Graph's 190/458) and an unknown check's message were shown nowhere but JSON.
@Suite struct HealthTokenValidityTests {
    static func health() throws -> PhoneNumberHealth {
        try PhoneNumberHealth(json: [
            "status": "unhealthy", "timestamp": "2026-11-21T12:00:00Z",
            "checks": [
                "token_validity": [
                    "passed": false,
                    "details": [
                        "error": "Error validating access token: The user has not authorized application 400500600700801.",
                        "code": 190, "error_subcode": 458,
                    ],
                ],
                "future_check": ["passed": false, "details": ["message": "Something new failed"]],
            ],
        ])
    }

    @Test func aNumberNotMarkedCoexistenceIsNotToldToReconnectABusinessApp() throws {
        let triage = HealthTriage(try Self.health(), coexistence: false)
        let token = try #require(triage.findings.first { $0.check == "token_validity" })
        #expect(token.severity == .critical)
        #expect(!(token.cause ?? "").contains("coexistence token"), "\(token.cause ?? "")")
        #expect(!(token.fix ?? "").contains("WhatsApp Business App"), "\(token.fix ?? "")")
        #expect(token.cause?.contains("documents token_validity for coexistence numbers only") == true)
        #expect(token.cause?.contains("the app was removed or never authorised") == true, "\(token.cause ?? "")")
        #expect(
            token.detail == "Error validating access token: The user has not authorized application 400500600700801. (190/458)")
    }

    @Test func aCoexistenceNumberOrOneNotReadKeepsTheDocumentedReading() throws {
        for coexistence in [true, nil] as [Bool?] {
            let token = try #require(HealthTriage(try Self.health(), coexistence: coexistence).findings.first { $0.check == "token_validity" })
            #expect(token.cause?.hasPrefix("the coexistence token of this number is no longer valid") == true)
            #expect(token.fix == "reconnect the WhatsApp Business App number through Kapso's setup link")
            #expect(token.detail.hasSuffix("(190/458)"))
        }
    }

    /// tester51b F8: `{"passed": false, "details": {}}` on a number marked `is_coexistence: false` said "its Meta access
    /// token was refused" and "reconnect the number", with no code or text to show a refusal.
    @Test func emptyDetailsOnANumberNotMarkedCoexistenceClaimNoRefusal() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "unhealthy", "checks": ["token_validity": ["passed": false, "details": [:]]],
        ])
        let token = try #require(HealthTriage(health, coexistence: false).findings.first { $0.check == "token_validity" })
        let cause = token.cause ?? ""
        let fix = token.fix ?? ""
        #expect(cause.contains("failed without saying why"), "\(cause)")
        #expect(cause.contains("documents token_validity for coexistence numbers only"), "\(cause)")
        #expect(!cause.contains("refused"), "\(cause)")
        #expect(fix.hasPrefix("ask Kapso support"), "\(fix)")
        #expect(!fix.contains("reconnect"), "\(fix)")
        // A code alone is evidence of a refusal: the reading stays.
        let coded = try PhoneNumberHealth(json: [
            "status": "unhealthy", "checks": ["token_validity": ["passed": false, "details": ["code": 190]]],
        ])
        let refused = try #require(HealthTriage(coded, coexistence: false).findings.first { $0.check == "token_validity" })
        #expect(refused.cause?.contains("its Meta access token was refused") == true, "\(refused.cause ?? "")")
    }

    @Test func anUnknownChecksMessageIsItsDetail() throws {
        let check = try #require(HealthTriage(try Self.health()).findings.first { $0.check == "future_check" })
        #expect(check.detail == "Something new failed")
    }
}
