import KapsoClient
import KapsoDiagnostics
import Testing

/// tester66 W7: on a number not marked coexistence, a failed `token_validity` whose check carries `error` ("Error
/// validating access token: Session has expired", beside empty `details`) was "failed without saying why (no code or
/// text in its details)", then "API says: Error validating access token: Session has expired", then "ask Kapso support
/// … (failed with empty details)". The check's own text says why: read as a refused token, reconnect, as the same cause
/// on `phone_number_access` reads.
@Suite struct W7TokenValidityErrorTextTests {
    @Test func theChecksOwnErrorTextIsTheReason() throws {
        let health = try PhoneNumberHealth(json: [
            "status": "unhealthy",
            "checks": ["token_validity": ["passed": false, "error": "Error validating access token: Session has expired"]],
        ])
        let token = try #require(HealthTriage(health, coexistence: false).findings.first { $0.check == "token_validity" })
        let cause = token.cause ?? "", fix = token.fix ?? ""
        #expect(!cause.contains("without saying why") && !fix.contains("empty details"), "\(cause) / \(fix)")
        #expect(cause.contains("its Meta access token was refused"), "\(cause)")
        #expect(cause.contains("API says: Error validating access token: Session has expired"), "\(cause)")
        #expect(fix.hasPrefix("reconnect the number in Kapso"), "\(fix)")
    }
}
